using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Panduit SmartZone G5 rack PDUs: PANDUIT-MIB (<c>19536.10.1</c>, pdug5). Every table is indexed by the PDU in the daisy
/// chain first (pdug5IdentIndex), so entity indexes are PDU.ROW. The group table has a row for every group the firmware
/// has room for; one the PDU does not have answers type 0, outside the MIB's enumeration (groups 7–12 of the panduit
/// recording, 2–12 of panduit_2), and is not read. "A negative value indicates that this object is not available" (the
/// MIB, on each measurement): every measurement is declared 0..2^31−1. Only the columns read are walked.
/// Source: PANDUIT-MIB (LibreNMS mibs/panduit/PANDUIT-MIB).
/// <list type="table">
/// <item>pdug5InputTable 2.1.1 (pdu): VA .4, W .5, total energy .6 (kWh), total current .11 (0.01 A) → inlet/PDU</item>
/// <item>pdug5InputPhaseTable 2.2.1 (pdu.phase): voltage .3 (0.1 V), current .11 (0.01 A), VA .19, W .20 → phase/PDU.PHASE</item>
/// <item>pdug5GroupTable 3.1.1 (pdu.group): type .3 breaker1pole(2)…outletSection(5); voltage .5 (0.1 V), current .12 (0.01 A),
/// VA .19, W .20 → bank/PDU.GROUP</item>
/// <item>pdug5OutletTable 5.1.1 (pdu.outlet): current .5 (0.01 A), W .13 → outlet/PDU.OUTLET</item>
/// </list>
/// </summary>
public sealed class PanduitPduProfile : IDeviceProfile
{
    private const string G5 = "1.3.6.1.4.1.19536.10.1.";

    //                                                    MIB object (PANDUIT-MIB)     OID              metric                   scale range (negative = not available)
    private static readonly MibObject InputVa       = new("pdug5InputPowerVA",         G5 + "2.1.1.4",  Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject InputWatts    = new("pdug5InputPowerWatts",      G5 + "2.1.1.5",  Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject InputEnergy   = new("pdug5InputTotalEnergy",     G5 + "2.1.1.6",  Metrics.EnergyKwh,       1,    MibRange.NonNegative);
    private static readonly MibObject InputCurrent  = new("pdug5InputTotalCurrent",    G5 + "2.1.1.11", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject PhaseVoltage  = new("pdug5InputPhaseVoltage",    G5 + "2.2.1.3",  Metrics.VoltageV,        0.1,  MibRange.NonNegative);
    private static readonly MibObject PhaseCurrent  = new("pdug5InputPhaseCurrent",    G5 + "2.2.1.11", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject PhaseVa       = new("pdug5InputPhasePowerVA",    G5 + "2.2.1.19", Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject PhaseWatts    = new("pdug5InputPhasePowerWatts", G5 + "2.2.1.20", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject GroupType     = new("pdug5GroupType",            G5 + "3.1.1.3",  null,                    1,    MibRange.Enum(2, 5));
    private static readonly MibObject GroupVoltage  = new("pdug5GroupVoltage",         G5 + "3.1.1.5",  Metrics.VoltageV,        0.1,  MibRange.NonNegative);
    private static readonly MibObject GroupCurrent  = new("pdug5GroupCurrent",         G5 + "3.1.1.12", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject GroupVa       = new("pdug5GroupPowerVA",         G5 + "3.1.1.19", Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject GroupWatts    = new("pdug5GroupPowerWatts",      G5 + "3.1.1.20", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject OutletCurrent = new("pdug5OutletCurrent",        G5 + "5.1.1.5",  Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject OutletWatts   = new("pdug5OutletWatts",          G5 + "5.1.1.13", Metrics.PowerW,          1,    MibRange.NonNegative);

    public string Name => "panduit-pdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.19536.10.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. new[]
        {
            InputVa, InputWatts, InputEnergy, InputCurrent, PhaseVoltage, PhaseCurrent, PhaseVa, PhaseWatts,
            GroupType, GroupVoltage, GroupCurrent, GroupVa, GroupWatts, OutletCurrent, OutletWatts,
        }.Select(o => o.Oid),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var pdu in t.Rows(InputWatts).Union(t.Rows(InputCurrent)))
        {
            foreach (var column in new[] { InputVa, InputWatts, InputEnergy, InputCurrent })
                r.Set(EntityKind.Inlet, pdu, column, t);
        }
        foreach (var phase in t.Rows(PhaseCurrent).Union(t.Rows(PhaseVoltage)))
        {
            foreach (var column in new[] { PhaseVoltage, PhaseCurrent, PhaseVa, PhaseWatts })
                r.Set(EntityKind.Phase, phase, column, t);
        }
        foreach (var group in t.Rows(GroupType))
        {
            if (t.Number(GroupType, group) is null)
                continue; // type 0: a row for a group this PDU does not have
            foreach (var column in new[] { GroupVoltage, GroupCurrent, GroupVa, GroupWatts })
                r.Set(EntityKind.Bank, group, column, t);
        }
        foreach (var outlet in t.Rows(OutletCurrent).Union(t.Rows(OutletWatts)))
        {
            r.Set(EntityKind.Outlet, outlet, OutletCurrent, t);
            r.Set(EntityKind.Outlet, outlet, OutletWatts, t);
        }
    }
}
