using System.Globalization;
using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Tripp Lite devices behind a PowerAlert agent (sysObjectID tlpDevice <c>850.1.1.1</c>, the same for its PDUs and its
/// UPSes): RFC 1628 first, which the UPSes answer, then TRIPPLITE-PRODUCTS' UPS device table for the temperature RFC 1628
/// lacks, then its PDU tables (<c>850.1.1.3.2.3</c>), which the PDUs answer; every PDU table is indexed by tlpDeviceIndex first, so an entity index is DEVICE.ROW. Only the
/// columns read are walked (a 24-outlet PDU's outlet table is 336 objects, none of them a measurement, on the
/// poweralert_pdu recording).
/// Source: TRIPPLITE-PRODUCTS (LibreNMS mibs/poweralert/TRIPPLITE-PRODUCTS); RFC 1628 as in <see cref="Rfc1628UpsProfile"/>.
/// <list type="table">
/// <item>tlpUpsDeviceTable 3.1.2.1.1 (device): tlpUpsDeviceTemperatureC .7 (Integer32, 0.1 °C, "at or near the ups casing";
/// noSuchName where the model has no sensor) → sensor/D temperature_c</item>
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
internal sealed class TrippLiteProfile : IDeviceProfile
{
    private const string Pdu = "1.3.6.1.4.1.850.1.1.3.2.3.";
    private const string Ups = "1.3.6.1.4.1.850.1.1.3.1.";

    //                                                          MIB object                   OID               metric                   scale range (SYNTAX)
    private static readonly MibObject UpsTemperature      = new("tlpUpsDeviceTemperatureC",  Ups + "2.1.1.7",  Metrics.TemperatureC,    0.1,  MibRange.Integer32);
    private static readonly MibObject InputCurrentTotal   = new("tlpPduInputCurrentTotal",   Pdu + "1.1.1.11", Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject InputPhaseFrequency = new("tlpPduInputPhaseFrequency", Pdu + "1.2.1.3",  Metrics.FrequencyHz,     0.1,  MibRange.Unsigned32);
    private static readonly MibObject InputPhaseVoltage   = new("tlpPduInputPhaseVoltage",   Pdu + "1.2.1.4",  Metrics.VoltageV,        0.1,  MibRange.Unsigned32);
    private static readonly MibObject InputPhaseCurrent   = new("tlpPduInputPhaseCurrent",   Pdu + "1.2.1.7",  Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject InputPhasePower     = new("tlpPduInputPhasePower",     Pdu + "1.2.1.8",  Metrics.PowerW,          1,    MibRange.Unsigned32);
    private static readonly MibObject OutputPhase         = new("tlpPduOutputPhase",         Pdu + "2.1.1.2",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject OutputVoltage       = new("tlpPduOutputVoltage",       Pdu + "2.1.1.4",  Metrics.VoltageV,        0.1,  MibRange.Unsigned32);
    private static readonly MibObject OutputCurrent       = new("tlpPduOutputCurrent",       Pdu + "2.1.1.5",  Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject OutputActivePower   = new("tlpPduOutputActivePower",   Pdu + "2.1.1.8",  Metrics.PowerW,          1,    MibRange.Unsigned32);
    private static readonly MibObject OutputFrequency     = new("tlpPduOutputFrequency",     Pdu + "2.1.1.11", Metrics.FrequencyHz,     0.1,  MibRange.Unsigned32);
    private static readonly MibObject OutputApparentPower = new("tlpPduOutputApparentPower", Pdu + "2.1.1.15", Metrics.ApparentPowerVa, 1,    MibRange.Unsigned32);
    private static readonly MibObject OutletCurrent       = new("tlpPduOutletCurrent",       Pdu + "3.1.1.8",  Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject OutletActivePower   = new("tlpPduOutletActivePower",   Pdu + "3.1.1.9",  Metrics.PowerW,          1,    MibRange.Unsigned32);
    // Integer32 in the MIB, but each is a magnitude: a negative value is not a measurement.
    private static readonly MibObject CircuitVoltage      = new("tlpPduCircuitInputVoltage", Pdu + "4.1.1.3",  Metrics.VoltageV,        0.1,  MibRange.NonNegative);
    private static readonly MibObject CircuitCurrent      = new("tlpPduCircuitTotalCurrent", Pdu + "4.1.1.4",  Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject CircuitPower        = new("tlpPduCircuitTotalPower",   Pdu + "4.1.1.8",  Metrics.PowerW,          1,    MibRange.NonNegative);

    public string Name => "tripplite";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.850.1.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. Rfc1628UpsProfile.MibSubtrees,
        .. new[]
        {
            UpsTemperature, InputCurrentTotal, InputPhaseFrequency, InputPhaseVoltage, InputPhaseCurrent, InputPhasePower,
            OutputPhase, OutputVoltage, OutputCurrent, OutputActivePower, OutputFrequency, OutputApparentPower,
            OutletCurrent, OutletActivePower, CircuitVoltage, CircuitCurrent, CircuitPower,
        }.Select(o => o.Oid),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        Rfc1628UpsProfile.DecodeMib(t, r);

        foreach (var device in t.Rows(UpsTemperature))
            r.Set(EntityKind.Sensor, device, UpsTemperature, t);
        foreach (var device in t.Rows(InputCurrentTotal))
            r.Set(EntityKind.Inlet, device, InputCurrentTotal, t);
        foreach (var phase in t.Rows(InputPhaseVoltage).Union(t.Rows(InputPhaseCurrent)))
        {
            foreach (var column in new[] { InputPhaseFrequency, InputPhaseVoltage, InputPhaseCurrent, InputPhasePower })
                r.Set(EntityKind.Phase, phase, column, t);
        }
        foreach (var output in t.Rows(OutputCurrent))
        {
            var phase = PhaseOf(output, t.Number(OutputPhase, output));
            foreach (var column in new[] { OutputVoltage, OutputCurrent, OutputActivePower, OutputFrequency, OutputApparentPower })
                r.Set(EntityKind.Phase, phase, column, t, output);
        }
        foreach (var circuit in t.Rows(CircuitCurrent))
        {
            foreach (var column in new[] { CircuitVoltage, CircuitCurrent, CircuitPower })
                r.Set(EntityKind.Bank, circuit, column, t);
        }
        foreach (var outlet in t.Rows(OutletCurrent).Union(t.Rows(OutletActivePower)))
        {
            r.Set(EntityKind.Outlet, outlet, OutletCurrent, t);
            r.Set(EntityKind.Outlet, outlet, OutletActivePower, t);
        }
    }

    /// <summary>DEVICE.PHASE for an output row DEVICE.OUTPUT whose tlpPduOutputPhase is phase1(1)…phase3(3); else the row itself.</summary>
    private static string PhaseOf(RowIndex output, long? phase) =>
        phase is >= 1 and <= 3 ? output.Prefix(1) + "." + phase.Value.ToString(CultureInfo.InvariantCulture) : output.ToString();
}
