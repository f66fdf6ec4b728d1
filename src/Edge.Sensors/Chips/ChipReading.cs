namespace Edge.Sensors.Chips;

/// <summary>
/// One measurement of one chip in engineering units; quantities a chip does not measure are NaN. A struct, so the
/// read path allocates nothing.
/// </summary>
internal readonly record struct ChipReading(ChipStatus Status, double TemperatureC, double HumidityPct, double PressureHpa)
{
    public bool IsOk => Status == ChipStatus.Ok;

    public static ChipReading Failed(ChipStatus status) => new(status, double.NaN, double.NaN, double.NaN);

    public static ChipReading Of(double temperatureC, double humidityPct, double pressureHpa = double.NaN) =>
        new(ChipStatus.Ok, temperatureC, humidityPct, pressureHpa);
}
