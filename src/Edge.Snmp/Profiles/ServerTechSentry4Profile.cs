using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// ServerTech Sentry4 (PRO2/PRO3X "Smart/Switched PDU", Sentry4-MIB <c>1718.4.1</c>). Indexes are UNIT.CORD[.LINE|
/// .PHASE|.BRANCH] and UNIT.SENSOR; unit 1 is the master, 2.. links, and an external sensor module can be unit 5.
/// Mixed precision inside the MIB: currents in 0.01 A, voltages/frequency/energy in tenths, power whole W.
/// Source: Sentry4-MIB via spec/snmp-mibs.md §4b; LibreNMS <c>sentry4.yaml</c> (phase voltage /10, currents /100, temp /10).
/// <list type="table">
/// <item>st4InputCordMonitorTable 3.3.1 → inlet/UNIT.CORD; st4LineMonitorTable 4.3.1 → inlet/UNIT.CORD.LINE (the current in one conductor of the infeed)</item>
/// <item>st4PhaseMonitorTable 5.3.1 → phase/UNIT.CORD.PHASE; st4BranchMonitorTable 7.3.1 → bank/UNIT.CORD.BRANCH</item>
/// <item>st4TempSensorScale 9.1.10.0; st4TempSensorMonitorTable 9.3.1 and st4HumidSensorMonitorTable 10.3.1 → sensor/UNIT.SENSOR (same index, so dew point is derived)</item>
/// <item>every *Status column: disabled(1), purged(2), notFound(7), lost(8), readError(9), noComm(10) mean the value is not a reading</item>
/// </list>
/// Every value column declares its "invalid" value as the bottom of its range (−1; −410 for temperature): it is a
/// sentinel on each.
/// </summary>
internal sealed class ServerTechSentry4Profile : IDeviceProfile
{
    private const string S4 = "1.3.6.1.4.1.1718.4.1.";

    // Sentry4-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                        MIB object                    OID               metric                    scale   range                            sentinels
    private static readonly MibObject CordStatus =        new("st4InputCordStatus",         S4 + "3.3.1.2",   null,                     1,      MibRange.Integer32);
    private static readonly MibObject CordActivePower =   new("st4InputCordActivePower",    S4 + "3.3.1.3",   Metrics.PowerW,           1,      new MibRange(-1, 50000),         -1);
    private static readonly MibObject CordApparentPower = new("st4InputCordApparentPower",  S4 + "3.3.1.5",   Metrics.ApparentPowerVa,  1,      new MibRange(-1, 50000),         -1);
    private static readonly MibObject CordEnergy =        new("st4InputCordEnergy",         S4 + "3.3.1.10",  Metrics.EnergyKwh,        0.1,    new MibRange(-1, int.MaxValue),  -1);
    private static readonly MibObject CordFrequency =     new("st4InputCordFrequency",      S4 + "3.3.1.11",  Metrics.FrequencyHz,      0.1,    new MibRange(-1, 1000),          -1);
    private static readonly MibObject LineStatus =        new("st4LineStatus",              S4 + "4.3.1.2",   null,                     1,      MibRange.Integer32);
    private static readonly MibObject LineCurrent =       new("st4LineCurrent",             S4 + "4.3.1.3",   Metrics.CurrentA,         0.01,   new MibRange(-1, 60000),         -1);
    private static readonly MibObject PhaseStatus =       new("st4PhaseStatus",             S4 + "5.3.1.2",   null,                     1,      MibRange.Integer32);
    private static readonly MibObject PhaseVoltage =      new("st4PhaseVoltage",            S4 + "5.3.1.3",   Metrics.VoltageV,         0.1,    new MibRange(-1, 6000),          -1);
    private static readonly MibObject PhaseCurrent =      new("st4PhaseCurrent",            S4 + "5.3.1.6",   Metrics.CurrentA,         0.01,   new MibRange(-1, 30000),         -1);
    private static readonly MibObject PhaseActivePower =  new("st4PhaseActivePower",        S4 + "5.3.1.8",   Metrics.PowerW,           1,      new MibRange(-1, 25000),         -1);
    private static readonly MibObject BranchStatus =      new("st4BranchStatus",            S4 + "7.3.1.2",   null,                     1,      MibRange.Integer32);
    private static readonly MibObject BranchCurrent =     new("st4BranchCurrent",           S4 + "7.3.1.3",   Metrics.CurrentA,         0.01,   new MibRange(-1, 12500),         -1);
    private static readonly MibObject TempScale =         new("st4TempSensorScale",         S4 + "9.1.10.0",  null,                     1,      MibRange.Enum(0, 1));
    private static readonly MibObject TempValue =         new("st4TempSensorValue",         S4 + "9.3.1.1",   Metrics.TemperatureC,     0.1,    new MibRange(-410, 2540),        -410);
    private static readonly MibObject TempStatus =        new("st4TempSensorStatus",        S4 + "9.3.1.2",   null,                     1,      MibRange.Integer32);
    private static readonly MibObject HumidValue =        new("st4HumidSensorValue",        S4 + "10.3.1.1",  Metrics.HumidityPct,      1,      new MibRange(-1, 100),           -1);
    private static readonly MibObject HumidStatus =       new("st4HumidSensorStatus",       S4 + "10.3.1.2",  null,                     1,      MibRange.Integer32);

    public string Name => "sentry4";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.1718.4")];

    /// <summary>The monitor tables (x.3) only, and the temperature scale; config and event-config tables are not needed.</summary>
    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        Oid.Parse(S4 + "3.3"), Oid.Parse(S4 + "4.3"), Oid.Parse(S4 + "5.3"), Oid.Parse(S4 + "7.3"),
        TempScale.Oid, Oid.Parse(S4 + "9.3"), Oid.Parse(S4 + "10.3"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var cord in t.Rows(CordActivePower))
        {
            if (!Valid(t.Number(CordStatus, cord)))
                continue;
            r.Set(EntityKind.Inlet, cord, CordActivePower, t);
            r.Set(EntityKind.Inlet, cord, CordApparentPower, t);
            r.Set(EntityKind.Inlet, cord, CordEnergy, t);
            r.Set(EntityKind.Inlet, cord, CordFrequency, t);
        }
        foreach (var line in t.Rows(LineCurrent))
        {
            if (Valid(t.Number(LineStatus, line)))
                r.Set(EntityKind.Inlet, line, LineCurrent, t);
        }
        foreach (var phase in t.Rows(PhaseVoltage))
        {
            if (!Valid(t.Number(PhaseStatus, phase)))
                continue;
            r.Set(EntityKind.Phase, phase, PhaseVoltage, t);
            r.Set(EntityKind.Phase, phase, PhaseCurrent, t);
            r.Set(EntityKind.Phase, phase, PhaseActivePower, t);
        }
        foreach (var branch in t.Rows(BranchCurrent))
        {
            if (Valid(t.Number(BranchStatus, branch)))
                r.Set(EntityKind.Bank, branch, BranchCurrent, t);
        }

        var fahrenheit = t.Number(TempScale) == 1;
        foreach (var sensor in t.Rows(TempValue))
        {
            if (Valid(t.Number(TempStatus, sensor)) && t.Value(TempValue, sensor) is { } temp)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(temp) : temp);
        }
        foreach (var sensor in t.Rows(HumidValue))
        {
            if (Valid(t.Number(HumidStatus, sensor)))
                r.Set(EntityKind.Sensor, sensor, HumidValue, t);
        }
    }

    /// <summary>DeviceStatus: disabled(1), purged(2), notFound(7), lost(8), readError(9), noComm(10) carry no reading; a missing status does not veto.</summary>
    private static bool Valid(long? status) => status is not (1 or 2 or 7 or 8 or 9 or 10);
}
