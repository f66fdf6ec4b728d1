using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// ServerTech Sentry3 (CDU / PRO1, Sentry3-MIB <c>1718.3</c>): infeeds and branches by TOWER.INFEED[.BRANCH],
/// temperature/humidity probes by ENVMON.SENSOR. Source: Sentry3-MIB via spec/snmp-mibs.md §4a; LibreNMS
/// <c>sentry3.yaml</c> (infeed current /100, voltage /10, temperature /10 converted from °F when the scale says so).
/// <list type="table">
/// <item>infeedTable 3.2.2.1 (status noComm(6) = no reading) → inlet/TOWER.INFEED</item>
/// <item>branchTable 3.2.7.1 → bank/TOWER.INFEED.BRANCH</item>
/// <item>tempHumidSensorTable 3.2.5.1: only a found(0) sensor, temperature in its own scale (.13 celsius(0)/fahrenheit(1)) → sensor/ENVMON.SENSOR</item>
/// </list>
/// Every value column declares −1 in its range ("-1 = not measured"): it is a sentinel on each.
/// </summary>
internal sealed class ServerTechSentry3Profile : IDeviceProfile
{
    private const string S3 = "1.3.6.1.4.1.1718.3.2.";

    // Sentry3-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                          MIB object                    OID             metric                    scale   range                            sentinels
    private static readonly MibObject InfeedStatus =        new("infeedStatus",               S3 + "2.1.5",   null,                     1,      MibRange.Enum(0, 9));
    private static readonly MibObject InfeedLoad =          new("infeedLoadValue",            S3 + "2.1.7",   Metrics.CurrentA,         0.01,   new MibRange(-1, 60000),         -1);
    private static readonly MibObject InfeedVoltage =       new("infeedVoltage",              S3 + "2.1.11",  Metrics.VoltageV,         0.1,    new MibRange(-1, 4800),          -1);
    private static readonly MibObject InfeedPower =         new("infeedPower",                S3 + "2.1.12",  Metrics.PowerW,           1,      new MibRange(-1, 25000),         -1);
    private static readonly MibObject InfeedApparentPower = new("infeedApparentPower",        S3 + "2.1.13",  Metrics.ApparentPowerVa,  1,      new MibRange(-1, 25000),         -1);
    private static readonly MibObject InfeedEnergy =        new("infeedEnergy",               S3 + "2.1.16",  Metrics.EnergyKwh,        0.1,    new MibRange(-1, int.MaxValue),  -1);
    private static readonly MibObject BranchLoad =          new("branchLoadValue",            S3 + "7.1.7",   Metrics.CurrentA,         0.01,   new MibRange(-1, 4000),          -1);
    private static readonly MibObject SensorStatus =        new("tempHumidSensorStatus",      S3 + "5.1.4",   null,                     1,      MibRange.Enum(0, 3));
    private static readonly MibObject SensorTemp =          new("tempHumidSensorTempValue",   S3 + "5.1.6",   Metrics.TemperatureC,     0.1,    new MibRange(-1, 2540),          -1);
    private static readonly MibObject SensorHumid =         new("tempHumidSensorHumidValue",  S3 + "5.1.10",  Metrics.HumidityPct,      1,      new MibRange(-1, 100),           -1);
    private static readonly MibObject SensorScale =         new("tempHumidSensorTempScale",   S3 + "5.1.13",  null,                     1,      MibRange.Enum(0, 1));

    public string Name => "sentry3";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.1718.3")];

    public IReadOnlyList<Oid> Subtrees { get; } = [Oid.Parse(S3 + "2"), Oid.Parse(S3 + "5"), Oid.Parse(S3 + "7")];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var infeed in t.Rows(InfeedLoad))
        {
            if (t.Number(InfeedStatus, infeed) == 6)
                continue;
            r.Set(EntityKind.Inlet, infeed, InfeedLoad, t);
            r.Set(EntityKind.Inlet, infeed, InfeedVoltage, t);
            r.Set(EntityKind.Inlet, infeed, InfeedPower, t);
            r.Set(EntityKind.Inlet, infeed, InfeedApparentPower, t);
            r.Set(EntityKind.Inlet, infeed, InfeedEnergy, t);
        }
        foreach (var branch in t.Rows(BranchLoad))
            r.Set(EntityKind.Bank, branch, BranchLoad, t);
        foreach (var sensor in t.Rows(SensorStatus))
        {
            if (t.Number(SensorStatus, sensor) != 0)
                continue; // notFound(1), lost(2), noComm(3)
            if (t.Value(SensorTemp, sensor) is { } temp)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, t.Number(SensorScale, sensor) == 1 ? Fahrenheit.ToCelsius(temp) : temp);
            r.Set(EntityKind.Sensor, sensor, SensorHumid, t);
        }
    }
}
