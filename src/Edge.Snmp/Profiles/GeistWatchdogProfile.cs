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
/// <item>V3: temperaturePrecision degree(0)/deciDegree(1) sets the temperature scale; the temperatures are °C</item>
/// <item>V4: temperatureUnits fahrenheit(0)/celsius(1); temperatures in tenths of that unit</item>
/// <item>a probe is read only when its avail column is 1 (or 2, "partially available"); unavailable(0) = unplugged</item>
/// </list>
/// The temperature ranges the MIBs declare are in whole degrees (V3 −50..100 °C, V4 −40..200 although its UNITS say
/// "0.1 Degrees"); the agents answer tenths (a V4 at 75.2 °F answers 752), so the declared ranges below are the MIBs'
/// ranges in the unit actually sent.
/// </summary>
internal sealed class GeistWatchdogProfile : IDeviceProfile
{
    private const string V3 = "1.3.6.1.4.1.21239.2.";
    private const string V4 = "1.3.6.1.4.1.21239.5.1.";

    // GEIST-MIB-V3, GEIST-V4-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                         MIB object               OID             metric                 scale   range                      sentinels
    private static readonly MibObject V3Precision =        new("temperaturePrecision",  V3 + "1.9.0",   null,                  1,      MibRange.Enum(0, 1));
    private static readonly MibObject V3ClimateAvail =     new("climateAvail",          V3 + "2.1.4",   null,                  1,      MibRange.Unsigned32);
    private static readonly MibObject V3ClimateTemp =      new("climateTempC",          V3 + "2.1.5",   Metrics.TemperatureC,  1,      new MibRange(-500, 1000));
    private static readonly MibObject V3ClimateHumidity =  new("climateHumidity",       V3 + "2.1.7",   Metrics.HumidityPct,   1,      MibRange.Percent);
    private static readonly MibObject V3TempAvail =        new("tempSensorAvail",       V3 + "4.1.4",   null,                  1,      MibRange.Unsigned32);
    private static readonly MibObject V3TempTemp =         new("tempSensorTempC",       V3 + "4.1.5",   Metrics.TemperatureC,  1,      new MibRange(-500, 1000));
    private static readonly MibObject V3ThdAvail =         new("thdSensorAvail",        V3 + "32.1.4",  null,                  1,      MibRange.Unsigned32);
    private static readonly MibObject V3ThdTemp =          new("thdSensorTempC",        V3 + "32.1.5",  Metrics.TemperatureC,  1,      new MibRange(-500, 1000));
    private static readonly MibObject V3ThdHumidity =      new("thdSensorHumidity",     V3 + "32.1.7",  Metrics.HumidityPct,   1,      MibRange.Percent);
    private static readonly MibObject V4Units =            new("temperatureUnits",      V4 + "1.7.0",   null,                  1,      MibRange.Enum(0, 1));
    private static readonly MibObject V4InternalAvail =    new("internalAvail",         V4 + "2.1.4",   null,                  1,      MibRange.Unsigned32);
    private static readonly MibObject V4InternalTemp =     new("internalTemp",          V4 + "2.1.5",   Metrics.TemperatureC,  0.1,    new MibRange(-400, 2000));
    private static readonly MibObject V4InternalHumidity = new("internalHumidity",      V4 + "2.1.6",   Metrics.HumidityPct,   1,      MibRange.Percent);
    private static readonly MibObject V4TempAvail =        new("tempSensorAvail",       V4 + "4.1.4",   null,                  1,      MibRange.Unsigned32);
    private static readonly MibObject V4TempTemp =         new("tempSensorTemp",        V4 + "4.1.5",   Metrics.TemperatureC,  0.1,    new MibRange(-400, 2000));
    private static readonly MibObject V4ThdAvail =         new("thdSensorAvail",        V4 + "9.1.4",   null,                  1,      MibRange.Unsigned32);
    private static readonly MibObject V4ThdTemp =          new("thdSensorTemp",         V4 + "9.1.5",   Metrics.TemperatureC,  0.1,    new MibRange(-400, 2000));
    private static readonly MibObject V4ThdHumidity =      new("thdSensorHumidity",     V4 + "9.1.6",   Metrics.HumidityPct,   1,      MibRange.Percent);

    public string Name => "geist-watchdog";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.21239.2"), Oid.Parse("1.3.6.1.4.1.21239.5.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        V3Precision.Oid, Oid.Parse(V3 + "2.1"), Oid.Parse(V3 + "4.1"), Oid.Parse(V3 + "32.1"),
        V4Units.Oid, Oid.Parse(V4 + "2.1"), Oid.Parse(V4 + "4.1"), Oid.Parse(V4 + "9.1"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        // V3 reports °C in whole degrees unless the precision object says tenths.
        var v3Divisor = t.Number(V3Precision) == 1 ? 10.0 : 1.0;
        Table(t, r, "2", V3ClimateAvail, V3ClimateTemp, V3ClimateHumidity, v3Divisor, fahrenheit: false);
        Table(t, r, "4", V3TempAvail, V3TempTemp, null, v3Divisor, fahrenheit: false);
        Table(t, r, "32", V3ThdAvail, V3ThdTemp, V3ThdHumidity, v3Divisor, fahrenheit: false);

        var v4Fahrenheit = t.Number(V4Units) == 0;
        Table(t, r, "2", V4InternalAvail, V4InternalTemp, V4InternalHumidity, 1, v4Fahrenheit);
        Table(t, r, "4", V4TempAvail, V4TempTemp, null, 1, v4Fahrenheit);
        Table(t, r, "9", V4ThdAvail, V4ThdTemp, V4ThdHumidity, 1, v4Fahrenheit);
    }

    /// <summary>
    /// One probe table; the entity index is the table's arc and the row, since the tables' row numbers overlap.
    /// <paramref name="divisor"/> divides the temperature after its declared scale (V3's precision is a device setting).
    /// </summary>
    internal static void Table(VarBindTable t, DeviceReadings r, string tableArc, MibObject avail, MibObject temp, MibObject? humidity, double divisor, bool fahrenheit)
    {
        foreach (var row in t.Rows(avail))
        {
            if (t.Number(avail, row) is not (1 or 2))
                continue; // unavailable(0): the probe is unplugged
            var index = tableArc + "." + row;
            if (t.Value(temp, row) is { } value)
            {
                var degrees = value / divisor;
                r.Set(EntityKind.Sensor, index, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(degrees) : degrees);
            }
            if (humidity is not null)
                r.Set(EntityKind.Sensor, index, humidity, t, row);
        }
    }
}
