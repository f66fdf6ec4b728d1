using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// APC Easy PDUs (EPDU1016/1116/1132 …): PowerNet-MIB ePDU group (<c>318.1.1.30</c>), which these units answer instead of
/// rPDU/rPDU2. Source: PowerNet-MIB (LibreNMS <c>mibs/apc/PowerNet-MIB</c>); LibreNMS os <c>apc-epdu</c>
/// (<c>includes/definitions/apc-epdu.yaml</c>: sysObjectID <c>.1.3.6.1.4.1.318.1.3.4.9</c>; discovery
/// <c>apc-epdu.yaml</c>: ePDUPhaseStatusCurrent /100, Voltage /10, ActivePower ×1, Energy /1000).
/// <list type="table">
/// <item>ePDUDeviceStatusTable 30.2.1.1 (INDEX ePDUDeviceStatusIndex, one row per PDU) → inlet/INDEX:
/// ActivePower "Units:1 Watt", ApparentPower "Units:1 VA", Energy "Units:1 Wh" (→ kWh)</item>
/// <item>ePDUPhaseStatusTable 30.4.2.1 (INDEX ePDUPhaseStatusIndex, INTEGER (1..12)) → phase/INDEX: Voltage
/// "Units:0.1 V", Current "Units:0.01 A" (hundredths, not rPDU2's tenths), ActivePower "Units:1 Watt", ApparentPower
/// "Units:1 VA", Energy "Units:1 Wh" (→ kWh)</item>
/// </list>
/// Every column is SYNTAX INTEGER without a range; the quantities are not negative, and the MIB's "Models that do not
/// support this feature, will respond to this OID with a value of notSupported (-1)" falls outside that. The group has
/// no bank table and its outlet table (ePDUOutletStatusTable) carries only on/off, so there is no bank or outlet
/// current. ePDUSensorStatusTable (temperature 0.1 °C, humidity 0.1 %RH) is not read: no recording has a probe, and
/// the MIB does not say what an absent probe answers.
/// </summary>
internal sealed class ApcEasyPduProfile : IDeviceProfile
{
    private const string Epdu = "1.3.6.1.4.1.318.1.1.30.";

    // PowerNet-MIB objects: range = INTEGER narrowed to the quantity's 0.. (−1 notSupported is then no reading).
    //                                                         MIB object                         OID                metric                    scale   range
    private static readonly MibObject DeviceActivePower =   new("ePDUDeviceStatusActivePower",   Epdu + "2.1.1.7",  Metrics.PowerW,           1,      MibRange.NonNegative);
    private static readonly MibObject DeviceApparentPower = new("ePDUDeviceStatusApparentPower", Epdu + "2.1.1.9",  Metrics.ApparentPowerVa,  1,      MibRange.NonNegative);
    private static readonly MibObject DeviceEnergy =        new("ePDUDeviceStatusEnergy",        Epdu + "2.1.1.11", Metrics.EnergyKwh,        0.001,  MibRange.NonNegative);
    private static readonly MibObject PhaseVoltage =        new("ePDUPhaseStatusVoltage",        Epdu + "4.2.1.4",  Metrics.VoltageV,         0.1,    MibRange.NonNegative);
    private static readonly MibObject PhaseCurrent =        new("ePDUPhaseStatusCurrent",        Epdu + "4.2.1.5",  Metrics.CurrentA,         0.01,   MibRange.NonNegative);
    private static readonly MibObject PhaseActivePower =    new("ePDUPhaseStatusActivePower",    Epdu + "4.2.1.6",  Metrics.PowerW,           1,      MibRange.NonNegative);
    private static readonly MibObject PhaseApparentPower =  new("ePDUPhaseStatusApparentPower",  Epdu + "4.2.1.8",  Metrics.ApparentPowerVa,  1,      MibRange.NonNegative);
    private static readonly MibObject PhaseEnergy =         new("ePDUPhaseStatusEnergy",         Epdu + "4.2.1.10", Metrics.EnergyKwh,        0.001,  MibRange.NonNegative);

    public const string ProfileName = "apc-epdu";

    public string Name => ProfileName;

    /// <summary>masterSwitchePDU (<c>318.1.3.4.9</c>), longer than apc-rpdu2's masterSwitch prefix so it wins there.</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.318.1.3.4.9")];

    /// <summary>The device and phase status tables only: the config, outlet and sensor tables are not read.</summary>
    public IReadOnlyList<Oid> Subtrees { get; } = [Oid.Parse(Epdu + "2.1"), Oid.Parse(Epdu + "4.2")];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var unit in t.Rows(DeviceActivePower).Union(t.Rows(DeviceEnergy)))
        {
            r.Set(EntityKind.Inlet, unit, DeviceActivePower, t);
            r.Set(EntityKind.Inlet, unit, DeviceApparentPower, t);
            r.Set(EntityKind.Inlet, unit, DeviceEnergy, t);
        }
        foreach (var phase in t.Rows(PhaseCurrent).Union(t.Rows(PhaseEnergy)))
        {
            r.Set(EntityKind.Phase, phase, PhaseVoltage, t);
            r.Set(EntityKind.Phase, phase, PhaseCurrent, t);
            r.Set(EntityKind.Phase, phase, PhaseActivePower, t);
            r.Set(EntityKind.Phase, phase, PhaseApparentPower, t);
            r.Set(EntityKind.Phase, phase, PhaseEnergy, t);
        }
    }
}
