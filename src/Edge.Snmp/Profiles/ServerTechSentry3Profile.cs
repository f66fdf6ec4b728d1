using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// ServerTech Sentry3 (CDU / PRO1, Sentry3-MIB <c>1718.3</c>): infeeds and branches by TOWER.INFEED[.BRANCH],
/// temperature/humidity probes by ENVMON.SENSOR. Source: Sentry3-MIB via spec/snmp-mibs.md §4a; LibreNMS
/// <c>sentry3.yaml</c> (infeed current /100, voltage /10, temperature /10 converted from °F when the scale says so).
/// <list type="table">
/// <item>infeedTable 3.2.2.1: status .5 (noComm(6) = no reading), load .7 (0.01 A, −1 = not measured), voltage .11 (0.1 V), power .12 (W), apparent power .13 (VA), energy .16 (0.1 kWh) → inlet/TOWER.INFEED</item>
/// <item>branchTable 3.2.7.1: load .7 (0.01 A) → bank/TOWER.INFEED.BRANCH</item>
/// <item>tempHumidSensorTable 3.2.5.1: status .4 found(0); temperature .6 (0.1 degree in scale .13 celsius(0)/fahrenheit(1); −1 = not measured); humidity .10 (%, −1) → sensor/ENVMON.SENSOR</item>
/// </list>
/// </summary>
public sealed class ServerTechSentry3Profile : IDeviceProfile
{
    private const string S3 = "1.3.6.1.4.1.1718.3.2.";
    private static readonly Oid InfeedStatus = Oid.Parse(S3 + "2.1.5");
    private static readonly Oid InfeedLoad = Oid.Parse(S3 + "2.1.7");
    private static readonly Oid InfeedVoltage = Oid.Parse(S3 + "2.1.11");
    private static readonly Oid InfeedPower = Oid.Parse(S3 + "2.1.12");
    private static readonly Oid InfeedApparentPower = Oid.Parse(S3 + "2.1.13");
    private static readonly Oid InfeedEnergy = Oid.Parse(S3 + "2.1.16");
    private static readonly Oid BranchLoad = Oid.Parse(S3 + "7.1.7");
    private static readonly Oid SensorStatus = Oid.Parse(S3 + "5.1.4");
    private static readonly Oid SensorTemp = Oid.Parse(S3 + "5.1.6");
    private static readonly Oid SensorHumid = Oid.Parse(S3 + "5.1.10");
    private static readonly Oid SensorScale = Oid.Parse(S3 + "5.1.13");

    public string Name => "sentry3";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.1718.3")];

    public IReadOnlyList<Oid> Subtrees { get; } = [Oid.Parse(S3 + "2"), Oid.Parse(S3 + "5"), Oid.Parse(S3 + "7")];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var infeed in t.Rows(InfeedLoad))
        {
            if (t.Number(InfeedStatus, infeed) == 6)
                continue;
            r.Set(EntityKind.Inlet, infeed, Metrics.CurrentA, NonNegative(t.Number(InfeedLoad, infeed)) / 100.0);
            r.Set(EntityKind.Inlet, infeed, Metrics.VoltageV, NonNegative(t.Number(InfeedVoltage, infeed)) / 10.0);
            r.Set(EntityKind.Inlet, infeed, Metrics.PowerW, NonNegative(t.Number(InfeedPower, infeed)));
            r.Set(EntityKind.Inlet, infeed, Metrics.ApparentPowerVa, NonNegative(t.Number(InfeedApparentPower, infeed)));
            r.Set(EntityKind.Inlet, infeed, Metrics.EnergyKwh, NonNegative(t.Number(InfeedEnergy, infeed)) / 10.0);
        }
        foreach (var branch in t.Rows(BranchLoad))
            r.Set(EntityKind.Bank, branch, Metrics.CurrentA, NonNegative(t.Number(BranchLoad, branch)) / 100.0);
        foreach (var sensor in t.Rows(SensorStatus))
        {
            if (t.Number(SensorStatus, sensor) != 0)
                continue; // notFound(1), lost(2), noComm(3)
            if (t.Number(SensorTemp, sensor) is { } temp && temp != -1)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC,
                    t.Number(SensorScale, sensor) == 1 ? Fahrenheit.ToCelsius(temp / 10.0) : temp / 10.0);
            if (t.Number(SensorHumid, sensor) is { } hum && hum is >= 0 and <= 100)
                r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, hum);
        }
    }

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
