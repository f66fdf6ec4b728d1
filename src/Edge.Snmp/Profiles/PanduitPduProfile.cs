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
/// <item>pdug5InputTable 2.1.1 (pdu): frequency .2 (0.1 Hz: the DESCRIPTION's "tenths of Hz"; its comment's "0.001 Hz"
/// would make the recording's 500 a 0.5 Hz mains), VA .4, W .5, total energy .6 (kWh), total current .11 (0.01 A) → inlet/PDU</item>
/// <item>pdug5InputPhaseTable 2.2.1 (pdu.phase): voltage .3 (0.1 V), current .11 (0.01 A), VA .19, W .20 → phase/PDU.PHASE</item>
/// <item>pdug5GroupTable 3.1.1 (pdu.group): type .3 breaker1pole(2)…outletSection(5); voltage .5 (0.1 V), current .12 (0.01 A),
/// percent of rated current .18, VA .19, W .20 → bank/PDU.GROUP</item>
/// <item>pdug5OutletTable 5.1.1 (pdu.outlet): current .5 (0.01 A), W .13 → outlet/PDU.OUTLET</item>
/// <item>pdug5Environment 4 (pdu.probe), each probe read only when its probeStatus .3 is connected(2) (door: or absent, an
/// internal sensor): temperature 4.2.1 value .4 in pdug5TemperatureScale 4.1.1.1 celsius(1) / fahrenheit(2), humidity
/// 4.3.1 value .4 (%RH) → sensor/PDU.PROBE; door 4.4.1 state .4 doorOpen(1) / doorClosed(2) (badDoorSensor(3): no
/// reading) → sensor/door-PDU.N contact open/closed; dry contact 4.5.1 good(1) / alarmed(2), spot and rope leak 4.6.1 /
/// 4.7.1 noleak(1) / leak(2) → sensor/dry-…, spot-…, rope-… contact normal/alarm</item>
/// </list>
/// </summary>
internal sealed class PanduitPduProfile : IDeviceProfile
{
    private const string G5 = "1.3.6.1.4.1.19536.10.1.";

    //                                                    MIB object (PANDUIT-MIB)       OID              metric                   scale range (negative = not available)
    private static readonly MibObject InputFreq     = new("pdug5InputFrequency",         G5 + "2.1.1.2",  Metrics.FrequencyHz,     0.1,  MibRange.NonNegative);
    private static readonly MibObject InputVa       = new("pdug5InputPowerVA",           G5 + "2.1.1.4",  Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject InputWatts    = new("pdug5InputPowerWatts",        G5 + "2.1.1.5",  Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject InputEnergy   = new("pdug5InputTotalEnergy",       G5 + "2.1.1.6",  Metrics.EnergyKwh,       1,    MibRange.NonNegative);
    private static readonly MibObject InputCurrent  = new("pdug5InputTotalCurrent",      G5 + "2.1.1.11", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject PhaseVoltage  = new("pdug5InputPhaseVoltage",      G5 + "2.2.1.3",  Metrics.VoltageV,        0.1,  MibRange.NonNegative);
    private static readonly MibObject PhaseCurrent  = new("pdug5InputPhaseCurrent",      G5 + "2.2.1.11", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject PhaseVa       = new("pdug5InputPhasePowerVA",      G5 + "2.2.1.19", Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject PhaseWatts    = new("pdug5InputPhasePowerWatts",   G5 + "2.2.1.20", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject GroupType     = new("pdug5GroupType",              G5 + "3.1.1.3",  null,                    1,    MibRange.Enum(2, 5));
    private static readonly MibObject GroupVoltage  = new("pdug5GroupVoltage",           G5 + "3.1.1.5",  Metrics.VoltageV,        0.1,  MibRange.NonNegative);
    private static readonly MibObject GroupCurrent  = new("pdug5GroupCurrent",           G5 + "3.1.1.12", Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject GroupLoad     = new("pdug5GroupCurrentPercentLoad", G5 + "3.1.1.18", Metrics.LoadPct,         1,    MibRange.NonNegative);
    private static readonly MibObject GroupVa       = new("pdug5GroupPowerVA",           G5 + "3.1.1.19", Metrics.ApparentPowerVa, 1,    MibRange.NonNegative);
    private static readonly MibObject GroupWatts    = new("pdug5GroupPowerWatts",        G5 + "3.1.1.20", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject OutletCurrent = new("pdug5OutletCurrent",          G5 + "5.1.1.5",  Metrics.CurrentA,        0.01, MibRange.NonNegative);
    private static readonly MibObject OutletWatts   = new("pdug5OutletWatts",            G5 + "5.1.1.13", Metrics.PowerW,          1,    MibRange.NonNegative);
    private static readonly MibObject TempScale     = new("pdug5TemperatureScale",       G5 + "4.1.1.1",  null,                    1,    MibRange.Enum(1, 2));
    private static readonly MibObject TempProbe     = new("pdug5TemperatureProbeStatus", G5 + "4.2.1.3",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject TempValue     = new("pdug5TemperatureValue",       G5 + "4.2.1.4",  Metrics.TemperatureC,    1,    MibRange.Integer32);
    private static readonly MibObject HumidityProbe = new("pdug5HumidityProbeStatus",    G5 + "4.3.1.3",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject HumidityValue = new("pdug5HumidityValue",          G5 + "4.3.1.4",  Metrics.HumidityPct,     1,    MibRange.Percent);
    private static readonly MibObject DoorProbe     = new("pdug5DoorProbeStatus",        G5 + "4.4.1.3",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject DoorState     = new("pdug5DoorState",              G5 + "4.4.1.4",  Metrics.Contact,         1,    MibRange.Enum(1, 3));
    private static readonly MibObject DryProbe      = new("pdug5DryProbeStatus",         G5 + "4.5.1.3",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject DryState      = new("pdug5DryState",               G5 + "4.5.1.4",  Metrics.Contact,         1,    MibRange.Enum(1, 2));
    private static readonly MibObject SpotProbe     = new("pdug5SpotProbeStatus",        G5 + "4.6.1.3",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject SpotState     = new("pdug5SpotState",              G5 + "4.6.1.4",  Metrics.Contact,         1,    MibRange.Enum(1, 2));
    private static readonly MibObject RopeProbe     = new("pdug5RopeProbeStatus",        G5 + "4.7.1.3",  null,                    1,    MibRange.Enum(1, 3));
    private static readonly MibObject RopeState     = new("pdug5RopeState",              G5 + "4.7.1.4",  Metrics.Contact,         1,    MibRange.Enum(1, 2));

    private const int Connected = 2;

    public string Name => "panduit-pdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.19536.10.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. new[]
        {
            InputFreq, InputVa, InputWatts, InputEnergy, InputCurrent, PhaseVoltage, PhaseCurrent, PhaseVa, PhaseWatts,
            GroupType, GroupVoltage, GroupCurrent, GroupLoad, GroupVa, GroupWatts, OutletCurrent, OutletWatts,
            TempScale, TempProbe, TempValue, HumidityProbe, HumidityValue, DoorProbe, DoorState, DryProbe, DryState,
            SpotProbe, SpotState, RopeProbe, RopeState,
        }.Select(o => o.Oid),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var pdu in t.Rows(InputWatts).Union(t.Rows(InputCurrent)))
        {
            foreach (var column in new[] { InputFreq, InputVa, InputWatts, InputEnergy, InputCurrent })
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
            foreach (var column in new[] { GroupVoltage, GroupCurrent, GroupLoad, GroupVa, GroupWatts })
                r.Set(EntityKind.Bank, group, column, t);
        }
        foreach (var outlet in t.Rows(OutletCurrent).Union(t.Rows(OutletWatts)))
        {
            r.Set(EntityKind.Outlet, outlet, OutletCurrent, t);
            r.Set(EntityKind.Outlet, outlet, OutletWatts, t);
        }
        DecodeEnvironment(t, r);
    }

    private static void DecodeEnvironment(VarBindTable t, DeviceReadings r)
    {
        foreach (var probe in t.Rows(TempValue))
        {
            if (t.Number(TempProbe, probe) != Connected || t.Value(TempValue, probe) is not { } degrees)
                continue;
            var fahrenheit = t.Number(TempScale, probe.Prefix(1)) == 2;
            r.Set(EntityKind.Sensor, probe, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(degrees) : degrees);
        }
        foreach (var probe in t.Rows(HumidityValue))
        {
            if (t.Number(HumidityProbe, probe) == Connected)
                r.Set(EntityKind.Sensor, probe, HumidityValue, t);
        }
        foreach (var door in t.Rows(DoorState))
        {
            // An internal door sensor has no probe status ("will not be returned if the door sensor is internal").
            if (t.Number(DoorProbe, door) is not (null or Connected))
                continue;
            if (t.Number(DoorState, door) is 1 or 2)
                r.SetState(EntityKind.Sensor, "door-" + door, Metrics.Contact, t.Number(DoorState, door) == 1 ? "open" : "closed");
        }
        Alarm(t, r, DryProbe, DryState, "dry-");
        Alarm(t, r, SpotProbe, SpotState, "spot-");
        Alarm(t, r, RopeProbe, RopeState, "rope-");
    }

    /// <summary>A connected dry, spot or rope sensor: 1 (good / noleak) → normal, 2 (alarmed / leak) → alarm.</summary>
    private static void Alarm(VarBindTable t, DeviceReadings r, MibObject probe, MibObject state, string prefix)
    {
        foreach (var row in t.Rows(state))
        {
            if (t.Number(probe, row) == Connected && t.Number(state, row) is { } s)
                r.SetState(EntityKind.Sensor, prefix + row, Metrics.Contact, s == 1 ? "normal" : "alarm");
        }
    }
}
