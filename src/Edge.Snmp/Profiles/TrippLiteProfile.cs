using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Tripp Lite devices behind a PowerAlert agent (sysObjectID tlpDevice <c>850.1.1.1</c>, the same for its PDUs and its
/// UPSes): RFC 1628 first, which the UPSes answer, then TRIPPLITE-PRODUCTS' PDU tables (<c>850.1.1.3.2.3</c>), which
/// the PDUs answer; every PDU table is indexed by tlpDeviceIndex first, so an entity index is DEVICE.ROW. Only the
/// columns read are walked (a 24-outlet PDU's outlet table is 336 objects, none of them a measurement, on the
/// poweralert_pdu recording).
/// Source: TRIPPLITE-PRODUCTS (LibreNMS mibs/poweralert/TRIPPLITE-PRODUCTS); RFC 1628 as in <see cref="Rfc1628UpsProfile"/>.
/// <list type="table">
/// <item>tlpPduInputTable 3.2.3.1.1 (device): currentTotal .11 (0.01 A, Unsigned32) → inlet/D current_a</item>
/// <item>tlpPduInputPhaseTable 3.2.3.1.2 (device.phase): frequency .3 (0.1 Hz), voltage .4 (0.1 V), current .7 (0.01 A),
/// power .8 (W) → phase/D.P</item>
/// <item>tlpPduOutputTable 3.2.3.2.1 (device.output, one per output line): phase .2 (phase1(1)…phase3(3); other values or
/// absent: the output's own number), voltage .4 (0.1 V), current .5 (0.01 A, always hundredths whatever
/// tlpPduDeviceOutputCurrentPrecision says of its resolution), active power .8 (W), frequency .11 (0.1 Hz), apparent power
/// .15 (VA) → phase/D.PHASE, over the input phase's values: what flows out of the PDU on that phase is what its
/// feed carries</item>
/// <item>tlpPduCircuitTable 3.2.3.4.1 (device.circuit): input voltage .3 (0.1 V), total current .4 (0.01 A), total power .8 (W),
/// all Integer32: negative = no reading → bank/D.C</item>
/// <item>tlpPduOutletTable 3.2.3.3.1 (device.outlet): current .8 (0.01 A), active power .9 (W); absent (noSuchName) where the
/// outlet is not metered → outlet/D.O</item>
/// </list>
/// </summary>
public sealed class TrippLiteProfile : IDeviceProfile
{
    private const string Pdu = "1.3.6.1.4.1.850.1.1.3.2.3.";
    private static readonly Oid InputCurrentTotal = Oid.Parse(Pdu + "1.1.1.11");
    private static readonly Oid InputPhaseFrequency = Oid.Parse(Pdu + "1.2.1.3");
    private static readonly Oid InputPhaseVoltage = Oid.Parse(Pdu + "1.2.1.4");
    private static readonly Oid InputPhaseCurrent = Oid.Parse(Pdu + "1.2.1.7");
    private static readonly Oid InputPhasePower = Oid.Parse(Pdu + "1.2.1.8");
    private static readonly Oid OutputPhase = Oid.Parse(Pdu + "2.1.1.2");
    private static readonly Oid OutputVoltage = Oid.Parse(Pdu + "2.1.1.4");
    private static readonly Oid OutputCurrent = Oid.Parse(Pdu + "2.1.1.5");
    private static readonly Oid OutputActivePower = Oid.Parse(Pdu + "2.1.1.8");
    private static readonly Oid OutputFrequency = Oid.Parse(Pdu + "2.1.1.11");
    private static readonly Oid OutputApparentPower = Oid.Parse(Pdu + "2.1.1.15");
    private static readonly Oid OutletCurrent = Oid.Parse(Pdu + "3.1.1.8");
    private static readonly Oid OutletActivePower = Oid.Parse(Pdu + "3.1.1.9");
    private static readonly Oid CircuitVoltage = Oid.Parse(Pdu + "4.1.1.3");
    private static readonly Oid CircuitCurrent = Oid.Parse(Pdu + "4.1.1.4");
    private static readonly Oid CircuitPower = Oid.Parse(Pdu + "4.1.1.8");

    public string Name => "tripplite";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.850.1.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. Rfc1628UpsProfile.MibSubtrees,
        InputCurrentTotal, InputPhaseFrequency, InputPhaseVoltage, InputPhaseCurrent, InputPhasePower,
        OutputPhase, OutputVoltage, OutputCurrent, OutputActivePower, OutputFrequency, OutputApparentPower,
        OutletCurrent, OutletActivePower, CircuitVoltage, CircuitCurrent, CircuitPower,
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        Rfc1628UpsProfile.DecodeMib(t, r);

        foreach (var device in t.Rows(InputCurrentTotal))
            r.Set(EntityKind.Inlet, device, Metrics.CurrentA, t.Number(InputCurrentTotal, device) / 100.0);
        foreach (var phase in t.Rows(InputPhaseVoltage).Union(t.Rows(InputPhaseCurrent)))
        {
            r.Set(EntityKind.Phase, phase, Metrics.FrequencyHz, t.Number(InputPhaseFrequency, phase) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.VoltageV, t.Number(InputPhaseVoltage, phase) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.CurrentA, t.Number(InputPhaseCurrent, phase) / 100.0);
            r.Set(EntityKind.Phase, phase, Metrics.PowerW, t.Number(InputPhasePower, phase));
        }
        foreach (var output in t.Rows(OutputCurrent))
        {
            var phase = PhaseOf(output, t.Number(OutputPhase, output));
            r.Set(EntityKind.Phase, phase, Metrics.VoltageV, t.Number(OutputVoltage, output) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.CurrentA, t.Number(OutputCurrent, output) / 100.0);
            r.Set(EntityKind.Phase, phase, Metrics.PowerW, t.Number(OutputActivePower, output));
            r.Set(EntityKind.Phase, phase, Metrics.FrequencyHz, t.Number(OutputFrequency, output) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.ApparentPowerVa, t.Number(OutputApparentPower, output));
        }
        foreach (var circuit in t.Rows(CircuitCurrent))
        {
            r.Set(EntityKind.Bank, circuit, Metrics.VoltageV, NonNegative(t.Number(CircuitVoltage, circuit)) / 10.0);
            r.Set(EntityKind.Bank, circuit, Metrics.CurrentA, NonNegative(t.Number(CircuitCurrent, circuit)) / 100.0);
            r.Set(EntityKind.Bank, circuit, Metrics.PowerW, NonNegative(t.Number(CircuitPower, circuit)));
        }
        foreach (var outlet in t.Rows(OutletCurrent).Union(t.Rows(OutletActivePower)))
        {
            r.Set(EntityKind.Outlet, outlet, Metrics.CurrentA, t.Number(OutletCurrent, outlet) / 100.0);
            r.Set(EntityKind.Outlet, outlet, Metrics.PowerW, t.Number(OutletActivePower, outlet));
        }
    }

    /// <summary>DEVICE.PHASE for an output row DEVICE.OUTPUT whose tlpPduOutputPhase is phase1(1)…phase3(3); else the row itself.</summary>
    private static string PhaseOf(string output, long? phase) =>
        phase is >= 1 and <= 3 ? output[..output.IndexOf('.', StringComparison.Ordinal)] + "." + phase.Value : output;

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
