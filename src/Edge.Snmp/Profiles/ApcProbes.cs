using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// The temperature/humidity probes an APC Network Management Card carries, whatever it manages (UPS, PDU, EMU).
/// Source: PowerNet-MIB, spec/snmp-mibs.md §2d; LibreNMS <c>apc.yaml</c> and snmp_exporter module <c>apcups</c>.
/// <list type="table">
/// <item>iem (<c>318.1.1.10.2.3.2.1</c>, index = probe): status .3 connected(2); temp .4 whole degrees in units .5 celsius(1)/fahrenheit(2), −1 = none; humidity .6 %, 0 or −1 = not a humidity probe → sensor/PROBE</item>
/// <item>uio (<c>318.1.1.25.1.2.1</c>, index = port.sensor): temp °C .6 (whole degrees), humidity .7 %, −1 = none; comm status .10 commsOK(2) → sensor/PORT.SENSOR</item>
/// <item>mem (<c>318.1.1.10.4.2</c>, NetBotz 200): units scalar .1 celsius(1)/fahrenheit(2); sensor table .3.1: temp .5 whole degrees, humidity .6 (−1 = none), comm .7 commsOK(2) → sensor/MODULE.SENSOR</item>
/// </list>
/// The iem contacts (<c>iemStatusContactStatus</c>, e.g. the door contact in fault in the apc_smx750i recording) have
/// no metric in the vocabulary yet and are not read.
/// </summary>
public static class ApcProbes
{
    private static readonly Oid IemStatus = Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.2.1.3");
    private static readonly Oid IemTemp = Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.2.1.4");
    private static readonly Oid IemUnits = Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.2.1.5");
    private static readonly Oid IemHumidity = Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.2.1.6");
    private static readonly Oid UioTempC = Oid.Parse("1.3.6.1.4.1.318.1.1.25.1.2.1.6");
    private static readonly Oid UioHumidity = Oid.Parse("1.3.6.1.4.1.318.1.1.25.1.2.1.7");
    private static readonly Oid UioComm = Oid.Parse("1.3.6.1.4.1.318.1.1.25.1.2.1.10");
    private static readonly Oid MemUnits = Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.2.1.0");
    private static readonly Oid MemTemp = Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.2.3.1.5");
    private static readonly Oid MemHumidity = Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.2.3.1.6");
    private static readonly Oid MemComm = Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.2.3.1.7");

    /// <summary>iem status table, uio status table, mem status group.</summary>
    public static IReadOnlyList<Oid> Subtrees { get; } =
    [
        Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.2"),
        Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.2"),
        Oid.Parse("1.3.6.1.4.1.318.1.1.25.1.2"),
    ];

    public static void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var probe in t.Rows(IemStatus))
        {
            if (t.Number(IemStatus, probe) != 2)
                continue; // disconnected(1): its −1 is not a temperature
            var fahrenheit = t.Number(IemUnits, probe) == 2;
            if (t.Number(IemTemp, probe) is { } temp && temp != -1)
                r.Set(EntityKind.Sensor, probe, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(temp) : temp);
            if (t.Number(IemHumidity, probe) is { } hum && hum is > 0 and <= 100)
                r.Set(EntityKind.Sensor, probe, Metrics.HumidityPct, hum);
        }

        foreach (var sensor in t.Rows(UioComm))
        {
            if (t.Number(UioComm, sensor) != 2)
                continue; // notInstalled(1) / commsLost(3)
            if (t.Number(UioTempC, sensor) is { } temp && temp != -1)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, temp);
            if (t.Number(UioHumidity, sensor) is { } hum && hum is >= 0 and <= 100)
                r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, hum);
        }

        var memFahrenheit = t.Number(MemUnits) == 2;
        foreach (var sensor in t.Rows(MemComm))
        {
            if (t.Number(MemComm, sensor) != 2)
                continue;
            if (t.Number(MemTemp, sensor) is { } temp && temp != -1)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, memFahrenheit ? Fahrenheit.ToCelsius(temp) : temp);
            if (t.Number(MemHumidity, sensor) is { } hum && hum is >= 0 and <= 100)
                r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, hum);
        }
    }
}
