namespace Edge.Core.Readings;

/// <summary>
/// Dew point from dry-bulb temperature and relative humidity by the Magnus formula with Sonntag's (1990) constants
/// over water, b = 17.62 and c = 243.12 °C: within 0.35 °C from −45 to 60 °C, which covers any data centre.
/// </summary>
public static class DewPoint
{
    private const double B = 17.62;
    private const double C = 243.12;

    public static bool TryCompute(double temperatureC, double humidityPct, out double dewPointC)
    {
        dewPointC = double.NaN;
        if (humidityPct <= 0 || humidityPct > 100 || double.IsNaN(temperatureC) || temperatureC <= -C)
            return false;
        var gamma = Math.Log(humidityPct / 100) + B * temperatureC / (C + temperatureC);
        dewPointC = C * gamma / (B - gamma);
        return true;
    }
}
