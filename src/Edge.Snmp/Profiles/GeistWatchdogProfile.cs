using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Geist / Vertiv Watchdog environmental monitors and old Geist RCM PDUs: GEIST-MIB-V3 (<c>21239.2</c>, firmware 3.x)
/// and GEIST-V4-MIB (<c>21239.5.1</c>, Watchdog 100/1200 firmware 4+); whichever answers is decoded. Internal,
/// temperature-only and temperature/humidity/dew-point probes live in separate tables whose row numbers overlap, so
/// the entity index is TABLE.ROW with TABLE the table's arc (V3 climate 2, tempSensor 4, thd 32; V4 internal 2,
/// tempSensor 4, thd 9). Source: spec/snmp-mibs.md §7a/§7b; LibreNMS <c>geist-watchdog.yaml</c>.
/// <list type="table">
/// <item>V3 temperaturePrecision 2.1.9.0: degree(0)/deciDegree(1); climateTable 2.2.1 avail .4 (1), tempC .5, humidity .7;
/// tempSensorTable 2.4.1 avail .4, tempC .5; thdSensorTable 2.32.1 avail .4, tempC .5, humidity .7</item>
/// <item>V4 temperatureUnits 5.1.1.7.0: fahrenheit(0)/celsius(1); internalTable 5.1.2.1 avail .4 (1, or 2 = partially), temp .5 (0.1 degree), humidity .6 (%);
/// tempSensorTable 5.1.4.1 avail .4, temp .5; thdSensorTable 5.1.9.1 avail .4, temp .5, humidity .6</item>
/// </list>
/// </summary>
public sealed class GeistWatchdogProfile : IDeviceProfile
{
    private const string V3 = "1.3.6.1.4.1.21239.2.";
    private const string V4 = "1.3.6.1.4.1.21239.5.1.";
    private static readonly Oid V3Precision = Oid.Parse(V3 + "1.9.0");
    private static readonly Oid V4Units = Oid.Parse(V4 + "1.7.0");

    public string Name => "geist-watchdog";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.21239.2"), Oid.Parse("1.3.6.1.4.1.21239.5.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        V3Precision, Oid.Parse(V3 + "2.1"), Oid.Parse(V3 + "4.1"), Oid.Parse(V3 + "32.1"),
        V4Units, Oid.Parse(V4 + "2.1"), Oid.Parse(V4 + "4.1"), Oid.Parse(V4 + "9.1"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        // V3 reports °C in its own column (.5), whole degrees unless the precision object says tenths.
        var v3Divisor = t.Number(V3Precision) == 1 ? 10.0 : 1.0;
        Table(t, r, V3, "2.1", tempColumn: 5, humidityColumn: 7, v3Divisor, fahrenheit: false);
        Table(t, r, V3, "4.1", tempColumn: 5, humidityColumn: null, v3Divisor, fahrenheit: false);
        Table(t, r, V3, "32.1", tempColumn: 5, humidityColumn: 7, v3Divisor, fahrenheit: false);

        var v4Fahrenheit = t.Number(V4Units) == 0;
        Table(t, r, V4, "2.1", tempColumn: 5, humidityColumn: 6, 10.0, v4Fahrenheit);
        Table(t, r, V4, "4.1", tempColumn: 5, humidityColumn: null, 10.0, v4Fahrenheit);
        Table(t, r, V4, "9.1", tempColumn: 5, humidityColumn: 6, 10.0, v4Fahrenheit);
    }

    /// <summary>One probe table; the entity index is the table arc (first arc of <paramref name="entry"/>) and the row.</summary>
    internal static void Table(VarBindTable t, DeviceReadings r, string mib, string entry, int tempColumn, int? humidityColumn, double divisor, bool fahrenheit)
    {
        var avail = Oid.Parse(mib + entry + ".4");
        var temp = Oid.Parse(mib + entry + "." + tempColumn);
        var humidity = humidityColumn is { } h ? Oid.Parse(mib + entry + "." + h) : null;
        var tableArc = entry.Split('.')[0];
        foreach (var row in t.Rows(avail))
        {
            if (t.Number(avail, row) is not (1 or 2))
                continue; // unavailable(0): the probe is unplugged
            var index = tableArc + "." + row;
            if (t.Number(temp, row) is { } raw)
            {
                var value = raw / divisor;
                r.Set(EntityKind.Sensor, index, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(value) : value);
            }
            if (humidity is not null && t.Number(humidity, row) is { } hum && hum is >= 0 and <= 100)
                r.Set(EntityKind.Sensor, index, Metrics.HumidityPct, hum);
        }
    }
}
