using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Enlogic rack PDUs: ENLOGIC-PDU-MIB (<c>38446.1</c>). Every status table is indexed by the PDU in the daisy chain
/// first (pduUnitStatusIndex 1..256), so entity indexes are PDU.ROW. The breaker table lists every breaker the firmware
/// has room for; one the PDU does not have answers load state 0, outside the MIB's enumeration (breakers 4–12 of the
/// enlogic-pdu2 recording), and is not read. Only the columns read are walked.
/// Source: ENLOGIC-PDU-MIB (LibreNMS mibs/enlogic/ENLOGIC-PDU-MIB).
/// <list type="table">
/// <item>pduUnitStatusTable 1.2.4.1 (pdu): active power .4 (W), apparent power .5 (VA), energy .9 (0.1 kWh) → inlet/PDU</item>
/// <item>pduInputPhaseStatusTable 1.3.4.1 (pdu.phase; 1–3 phases or delta lines, 4–6 delta phases): current .5 (0.01 A),
/// voltage .6 (V), active power .7 (W), apparent power .8 (VA) → phase/PDU.PHASE</item>
/// <item>pduCircuitBreakerStatusTable 1.4.4.1 (pdu.breaker): load state .4 upperCritical(1)…normal(5), off(6); current .5 (0.01 A) → bank/PDU.BREAKER</item>
/// <item>pduOutletMeteredStatusTable 1.5.9.1 (pdu.outlet): current .5 (0.01 A), active power .6 (W) → outlet/PDU.OUTLET</item>
/// <item>every measurement Integer32 of a magnitude: negative = no reading</item>
/// </list>
/// </summary>
internal sealed class EnlogicPduProfile : IDeviceProfile
{
    private const string Pdu = "1.3.6.1.4.1.38446.1.";

    //                                                         MIB object (ENLOGIC-PDU-MIB)         OID              metric                   scale range (SYNTAX)
    private static readonly MibObject UnitActivePower    = new("pduUnitStatusActivePower",          Pdu + "2.4.1.4", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject UnitApparentPower  = new("pduUnitStatusApparentPower",        Pdu + "2.4.1.5", Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject UnitEnergy         = new("pduUnitStatusEnergy",               Pdu + "2.4.1.9", Metrics.EnergyKwh,       0.1,  MibRange.NonNegative);
    private static readonly MibObject PhaseCurrent       = new("pduInputPhaseStatusCurrent",        Pdu + "3.4.1.5", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject PhaseVoltage       = new("pduInputPhaseStatusVoltage",        Pdu + "3.4.1.6", Metrics.VoltageV,        1,    MibRange.NonNegative);
    private static readonly MibObject PhaseActivePower   = new("pduInputPhaseStatusActivePower",    Pdu + "3.4.1.7", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject PhaseApparentPower = new("pduInputPhaseStatusApparentPower",  Pdu + "3.4.1.8", Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject BreakerLoadState   = new("pduCircuitBreakerStatusLoadState",  Pdu + "4.4.1.4", null,                    1,    MibRange.Enum(1, 6));
    private static readonly MibObject BreakerCurrent     = new("pduCircuitBreakerStatusCurrent",    Pdu + "4.4.1.5", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject OutletCurrent      = new("pduOutletMeteredStatusCurrent",     Pdu + "5.9.1.5", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject OutletActivePower  = new("pduOutletMeteredStatusActivePower", Pdu + "5.9.1.6", Metrics.PowerW,          1,    MibRange.NonNegative);

    public string Name => "enlogic-pdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.38446")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. new[]
        {
            UnitActivePower, UnitApparentPower, UnitEnergy, PhaseCurrent, PhaseVoltage, PhaseActivePower, PhaseApparentPower,
            BreakerLoadState, BreakerCurrent, OutletCurrent, OutletActivePower,
        }.Select(o => o.Oid),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var pdu in t.Rows(UnitActivePower).Union(t.Rows(UnitEnergy)))
        {
            foreach (var column in new[] { UnitActivePower, UnitApparentPower, UnitEnergy })
                r.Set(EntityKind.Inlet, pdu, column, t);
        }
        foreach (var phase in t.Rows(PhaseCurrent).Union(t.Rows(PhaseVoltage)))
        {
            foreach (var column in new[] { PhaseCurrent, PhaseVoltage, PhaseActivePower, PhaseApparentPower })
                r.Set(EntityKind.Phase, phase, column, t);
        }
        foreach (var breaker in t.Rows(BreakerCurrent))
        {
            if (t.Number(BreakerLoadState, breaker) is not null)
                r.Set(EntityKind.Bank, breaker, BreakerCurrent, t);
        }
        foreach (var outlet in t.Rows(OutletCurrent).Union(t.Rows(OutletActivePower)))
        {
            r.Set(EntityKind.Outlet, outlet, OutletCurrent, t);
            r.Set(EntityKind.Outlet, outlet, OutletActivePower, t);
        }
    }
}
