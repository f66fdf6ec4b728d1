namespace Edge.Snmp.Profiles;

/// <summary>Devices configured for °F (Sentry3/4, APC iem/mem, Eaton ePDU, CyberPower envir, Geist) report in it; readings are °C.</summary>
internal static class Fahrenheit
{
    /// <summary>Rounded to 0.01 °C: no device reports finer than 0.01 °F, and 28.355555… °C would only be noise.</summary>
    public static double ToCelsius(double fahrenheit) => Math.Round((fahrenheit - 32) * 5 / 9, 2);
}
