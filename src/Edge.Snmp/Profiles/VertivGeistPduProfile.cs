using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Vertiv Geist rack PDUs (MN/MG/IMD, sysObjectID <c>21239.42.1.*</c>) through VERTIV-V5-MIB, objects under
/// <c>21239.5.2</c>. Source: VERTIV-V5-MIB (LibreNMS <c>mibs/vertiv</c>) via spec/snmp-mibs.md §7c; LibreNMS
/// <c>vertiv-pdu.yaml</c> (voltage /10, currents /100).
/// <list type="table">
/// <item>temperatureUnits 5.2.1.7.0: fahrenheit(0)/celsius(1) for the probe tables</item>
/// <item>pduMainTable 5.2.3.1.1 → inlet/N (a row whose avail is 0 is unavailable); pduPhaseTable 5.2.3.2.1 → phase/N;
/// pduBreakerTable 5.2.3.3.1 → bank/N</item>
/// <item>pduLineTable 5.2.3.4.1 (INDEX pduLineIndex alone, no pduMainIndex) → inlet/line-N: the current in one input
/// conductor, which on a delta (three-wire) PDU is not any phase's current (mn03edr1: lines about 12.6 A, phases about 7.3 A)</item>
/// <item>tempSensorTable 5.2.4.1 → sensor/4.N; thdSensorTable 5.2.9.1 → sensor/9.N (see <see cref="GeistWatchdogProfile"/>)</item>
/// </list>
/// </summary>
internal sealed class VertivGeistPduProfile : IDeviceProfile
{
    private const string V5 = "1.3.6.1.4.1.21239.5.2.";

    // VERTIV-V5-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                         MIB object                OID               metric                    scale   range                      sentinels
    private static readonly MibObject Units =              new("temperatureUnits",       V5 + "1.7.0",     null,                     1,      MibRange.Enum(0, 1));
    private static readonly MibObject MainAvail =          new("pduMainAvail",           V5 + "3.1.1.5",   null,                     1,      MibRange.Unsigned32);
    private static readonly MibObject MainPower =          new("pduTotalRealPower",      V5 + "3.1.1.9",   Metrics.PowerW,           1,      new MibRange(0, 9999));
    private static readonly MibObject MainEnergy =         new("pduTotalEnergy",         V5 + "3.1.1.12",  Metrics.EnergyKwh,        0.001,  new MibRange(0, 9999000));
    private static readonly MibObject PhaseVoltage =       new("pduPhaseVoltage",        V5 + "3.2.1.4",   Metrics.VoltageV,         0.1,    new MibRange(0, 3100));
    private static readonly MibObject PhaseCurrent =       new("pduPhaseCurrent",        V5 + "3.2.1.8",   Metrics.CurrentA,         0.01,   new MibRange(0, 9900));
    private static readonly MibObject PhasePower =         new("pduPhaseRealPower",      V5 + "3.2.1.12",  Metrics.PowerW,           1,      new MibRange(0, 9999));
    private static readonly MibObject PhaseApparentPower = new("pduPhaseApparentPower",  V5 + "3.2.1.13",  Metrics.ApparentPowerVa,  1,      new MibRange(0, 9999));
    private static readonly MibObject BreakerCurrent =     new("pduBreakerCurrent",      V5 + "3.3.1.4",   Metrics.CurrentA,         0.01,   new MibRange(0, 9900));
    private static readonly MibObject LineCurrent =        new("pduLineCurrent",         V5 + "3.4.1.4",   Metrics.CurrentA,         0.01,   new MibRange(0, 9900));
    private static readonly MibObject TempAvail =          new("tempSensorAvail",        V5 + "4.1.4",     null,                     1,      MibRange.Unsigned32);
    private static readonly MibObject TempTemp =           new("tempSensorTemp",         V5 + "4.1.5",     Metrics.TemperatureC,     0.1,    new MibRange(-400, 2540));
    private static readonly MibObject ThdAvail =           new("thdSensorAvail",         V5 + "9.1.4",     null,                     1,      MibRange.Unsigned32);
    private static readonly MibObject ThdTemp =            new("thdSensorTemp",          V5 + "9.1.5",     Metrics.TemperatureC,     0.1,    new MibRange(-400, 2540));
    private static readonly MibObject ThdHumidity =        new("thdSensorHumidity",      V5 + "9.1.6",     Metrics.HumidityPct,      1,      MibRange.Percent);

    public string Name => "vertiv-geist-pdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.21239.42.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
        [Units.Oid, Oid.Parse(V5 + "3.1.1"), Oid.Parse(V5 + "3.2.1"), Oid.Parse(V5 + "3.3.1"), LineCurrent.Oid, Oid.Parse(V5 + "4.1"), Oid.Parse(V5 + "9.1")];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var main in t.Rows(MainPower).Union(t.Rows(MainEnergy)))
        {
            if (t.Number(MainAvail, main) is 0)
                continue;
            r.Set(EntityKind.Inlet, main, MainPower, t);
            r.Set(EntityKind.Inlet, main, MainEnergy, t);
        }
        foreach (var phase in t.Rows(PhaseVoltage).Union(t.Rows(PhaseCurrent)))
        {
            r.Set(EntityKind.Phase, phase, PhaseVoltage, t);
            r.Set(EntityKind.Phase, phase, PhaseCurrent, t);
            r.Set(EntityKind.Phase, phase, PhasePower, t);
            r.Set(EntityKind.Phase, phase, PhaseApparentPower, t);
        }
        foreach (var breaker in t.Rows(BreakerCurrent))
            r.Set(EntityKind.Bank, breaker, BreakerCurrent, t);
        foreach (var line in t.Rows(LineCurrent))
            r.Set(EntityKind.Inlet, "line-" + line, LineCurrent, t, line);

        var fahrenheit = t.Number(Units) == 0;
        GeistWatchdogProfile.Table(t, r, "4", TempAvail, TempTemp, null, 1, fahrenheit);
        GeistWatchdogProfile.Table(t, r, "9", ThdAvail, ThdTemp, ThdHumidity, 1, fahrenheit);
    }
}
