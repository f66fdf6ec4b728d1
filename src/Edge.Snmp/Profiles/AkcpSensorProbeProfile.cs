using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// AKCP sensorProbe / serverProbe environment monitors: SPAGENT-MIB's sensorProbe tables under <c>3854.1.2.2.1</c>,
/// one row per probe port. A port's temperature and humidity share its row number (one entity, so dew point is
/// derivable); switches (dry contacts: door, leak rope, smoke, a UPS's alarm relay) are numbered on their own, so their
/// entity index is <c>switch-N</c>. Only the columns read are walked: the switch table alone is some 20 columns × 68
/// rows on a serverProbe8 (the akcp_serverprobe8 recording).
/// Source: SPAGENT-MIB (LibreNMS mibs/akcp/SPAGENT-MIB).
/// <list type="table">
/// <item>sensorProbeTempTable 16.1 (index = port): degree .3 (whole degrees, unit from degreeType .12: fahr(0) / celsius(1)) → sensor/N temperature_c;
/// online .5 ≠ online(1) (offline(2): nothing plugged in, degree 0) or status .4 noStatus(1) / sensorError(7) = no reading</item>
/// <item>sensorProbeHumidityTable 17.1 (index = port): percent .3 (%, INTEGER −32768..32767, read 0..100) → sensor/N humidity_pct;
/// online .5 and status .4 as for temperature. Not raw .13: the MIB calls it the A/D count, 0..1023</item>
/// <item>sensorProbeSwitchTable 18.1 (index = switch): status .3 normal(2) → sensor/switch-N contact normal, highCritical(4) /
/// lowCritical(6) (not in its configured normal state, normalState .7) → alarm; online .4 ≠ online(1), noStatus(1),
/// sensorError(7) and relayOn(8) / relayOff(9) (an output, not a contact) = no reading</item>
/// </list>
/// </summary>
internal sealed class AkcpSensorProbeProfile : IDeviceProfile
{
    private const string SensorProbe = "1.3.6.1.4.1.3854.1.2.2.1.";

    //                                                      MIB object (SPAGENT-MIB)      OID                      metric                scale range (SYNTAX)
    private static readonly MibObject TempDegree      = new("sensorProbeTempDegree",      SensorProbe + "16.1.3",  Metrics.TemperatureC, 1, MibRange.Integer32);
    private static readonly MibObject TempStatus      = new("sensorProbeTempStatus",      SensorProbe + "16.1.4",  null,                 1, MibRange.Enum(1, 7));
    private static readonly MibObject TempOnline      = new("sensorProbeTempOnline",      SensorProbe + "16.1.5",  null,                 1, MibRange.Enum(1, 2));
    private static readonly MibObject TempDegreeType  = new("sensorProbeTempDegreeType",  SensorProbe + "16.1.12", null,                 1, MibRange.Enum(0, 1));
    // INTEGER (−32768..32767) in the MIB; a relative humidity outside 0..100 is not one.
    private static readonly MibObject HumidityPercent = new("sensorProbeHumidityPercent", SensorProbe + "17.1.3",  Metrics.HumidityPct,  1, MibRange.Percent);
    private static readonly MibObject HumidityStatus  = new("sensorProbeHumidityStatus",  SensorProbe + "17.1.4",  null,                 1, MibRange.Enum(1, 7));
    private static readonly MibObject HumidityOnline  = new("sensorProbeHumidityOnline",  SensorProbe + "17.1.5",  null,                 1, MibRange.Enum(1, 2));
    private static readonly MibObject SwitchStatus    = new("sensorProbeSwitchStatus",    SensorProbe + "18.1.3",  Metrics.Contact,      1, MibRange.Enum(1, 9));
    private static readonly MibObject SwitchOnline    = new("sensorProbeSwitchOnline",    SensorProbe + "18.1.4",  null,                 1, MibRange.Enum(1, 2));

    private const int Online = 1;
    private const int NoStatus = 1;
    private const int Normal = 2;
    private const int HighCritical = 4;
    private const int LowCritical = 6;
    private const int SensorError = 7;
    private const int Fahrenheit = 0;

    public string Name => "akcp-sensorprobe";

    /// <summary>AKCP's enterprise: sensorProbe/serverProbe agents answer <c>3854.1</c> or the bare enterprise <c>3854</c>.</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.3854")];

    public IReadOnlyList<Oid> Subtrees { get; } =
        [.. new[] { TempDegree, TempStatus, TempOnline, TempDegreeType, HumidityPercent, HumidityStatus, HumidityOnline, SwitchStatus, SwitchOnline }.Select(o => o.Oid)];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var port in t.Rows(TempDegree))
        {
            if (!Reads(t, TempOnline, TempStatus, port) || t.Number(TempDegree, port) is not { } degree)
                continue;
            var fahrenheit = t.Number(TempDegreeType, port) == Fahrenheit;
            r.Set(EntityKind.Sensor, port, Metrics.TemperatureC, fahrenheit ? Profiles.Fahrenheit.ToCelsius(degree) : degree);
        }
        foreach (var port in t.Rows(HumidityPercent))
        {
            if (Reads(t, HumidityOnline, HumidityStatus, port))
                r.Set(EntityKind.Sensor, port, HumidityPercent, t);
        }
        foreach (var index in t.Rows(SwitchStatus))
        {
            if (t.Number(SwitchOnline, index) != Online)
                continue;
            var state = t.Number(SwitchStatus, index) switch
            {
                Normal => "normal",
                HighCritical or LowCritical => "alarm",
                _ => null, // noStatus, sensorError, or an output's relayOn/relayOff
            };
            if (state is not null)
                r.SetState(EntityKind.Sensor, "switch-" + index, Metrics.Contact, state);
        }
    }

    /// <summary>A probe is read when it is online and its status is a judgement of a value, not noStatus or sensorError.</summary>
    private static bool Reads(VarBindTable t, MibObject online, MibObject status, RowIndex port) =>
        t.Number(online, port) == Online && t.Number(status, port) is not (NoStatus or SensorError);
}
