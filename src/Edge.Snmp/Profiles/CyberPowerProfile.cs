using System.Globalization;
using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// CyberPower RMCARD (CPS-MIB, <c>3808.1.1</c>): UPS, ePDU, ePDU2 and the envir/envir2 probes. CyberPower agents do not
/// say reliably what they are (a UPS may report the ePDU OID <c>3808.1.1.3</c>, another a bare <c>3808</c>, and the
/// PDU81005 reports ePDU2 but keeps its data under ePDU), so the profile walks every part and decodes what answers.
/// The UPS also speaks RFC 1628; it is decoded first and the CPS-MIB values override (they are the more precise on
/// the same box: output current 0.6 A against RFC 1628's 0).
/// Source: CPS-MIB via spec/snmp-mibs.md §6; NUT <c>cyberpower-mib.c</c>; LibreNMS <c>cyberpower.yaml</c>.
/// <list type="table">
/// <item>UPS scalars (1.2 battery, 1.3.2 input, 1.4 output, 1.7.2 tests) → the device, input/1, output/1</item>
/// <item>ePDULoadStatusTable 3.2.3.1.1 (index 1..10, "all phase information will precede any bank information"): a
/// row is phase/PHASE or bank/BANK by its PhaseNumber/BankNumber (bank 0 = a phase row); where the agent does not
/// answer those columns (the PDU81005 recording), by ePDULoadDevNumPhases (rows 1..N are phases, the rest banks 1..);
/// without either, only row 1 is known to be phase 1</item>
/// <item>ePDU2 device/phase/bank/outlet status tables → inlet/N, phase/N, bank/N, outlet/N</item>
/// <item>envir (single legacy probe) → sensor/0 (its scalar instance); envir2 table → sensor/N</item>
/// <item>envirContactTable 4.4.2.1 / envir2ContactTable 8.4.2.1, status .3 / .5: contactNormal(1) → sensor/contact-N
/// <c>contact</c> normal, contactAbnormal(2) (not in its configured normal state) → alarm. Both tables
/// number the same inputs of the card's sensor port; envir2, the newer, wins where both answer.</item>
/// </list>
/// </summary>
internal sealed class CyberPowerProfile : IDeviceProfile
{
    private const string C = "1.3.6.1.4.1.3808.1.1.";

    // CPS-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                         MIB object                              OID                 metric                        scale        range                    sentinels
    private static readonly MibObject BaseBatteryStatus =  new("upsBaseBatteryStatus",                 C + "1.2.1.1.0",    Metrics.BatteryStatus,        1,           MibRange.Enum(1, 4));
    private static readonly MibObject BatteryCapacity =    new("upsAdvanceBatteryCapacity",            C + "1.2.2.1.0",    Metrics.BatteryChargePct,     1,           MibRange.Percent);
    private static readonly MibObject BatteryVoltage =     new("upsAdvanceBatteryVoltage",             C + "1.2.2.2.0",    Metrics.BatteryVoltageV,      0.1,         MibRange.NonNegative);
    private static readonly MibObject BatteryTemperature = new("upsAdvanceBatteryTemperature",         C + "1.2.2.3.0",    Metrics.BatteryTemperatureC,  1,           MibRange.Unsigned32);
    private static readonly MibObject BatteryRunTime =     new("upsAdvanceBatteryRunTimeRemaining",    C + "1.2.2.4.0",    Metrics.BatteryRuntimeMin,    1 / 6000.0,  MibRange.Unsigned32);
    private static readonly MibObject BatteryReplace =     new("upsAdvanceBatteryReplaceIndicator",    C + "1.2.2.5.0",    Metrics.ReplaceBattery,       1,           MibRange.Enum(1, 2));
    private static readonly MibObject InputVoltage =       new("upsAdvanceInputLineVoltage",           C + "1.3.2.1.0",    Metrics.VoltageV,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject InputFrequency =     new("upsAdvanceInputFrequency",             C + "1.3.2.4.0",    Metrics.FrequencyHz,          0.1,         MibRange.Unsigned32);
    private static readonly MibObject BaseOutputStatus =   new("upsBaseOutputStatus",                  C + "1.4.1.1.0",    Metrics.OutputSource,         1,           MibRange.Enum(1, 11));
    private static readonly MibObject OutputVoltage =      new("upsAdvanceOutputVoltage",              C + "1.4.2.1.0",    Metrics.VoltageV,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject OutputFrequency =    new("upsAdvanceOutputFrequency",            C + "1.4.2.2.0",    Metrics.FrequencyHz,          0.1,         MibRange.Unsigned32);
    private static readonly MibObject OutputLoad =         new("upsAdvanceOutputLoad",                 C + "1.4.2.3.0",    Metrics.LoadPct,              1,           MibRange.Unsigned32);
    private static readonly MibObject OutputCurrent =      new("upsAdvanceOutputCurrent",              C + "1.4.2.4.0",    Metrics.CurrentA,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject OutputPower =        new("upsAdvanceOutputPower",                C + "1.4.2.5.0",    Metrics.PowerW,               1,           MibRange.Unsigned32);
    private static readonly MibObject DiagnosticsResults = new("upsAdvanceTestDiagnosticsResults",     C + "1.7.2.3.0",    Metrics.UpsTest,              1,           MibRange.Enum(1, 4));
    // NUT's CAL flag: estimationInProgress(3) is a runtime calibration.
    private static readonly MibObject CalibrationResults = new("upsAdvanceTestEstimationResults",      C + "1.7.2.7.0",    Metrics.UpsTest,              1,           MibRange.Enum(1, 3));
    private static readonly MibObject EpduNumPhases =      new("ePDULoadDevNumPhases",                 C + "3.2.1.2.0",    null,                         1,           MibRange.Positive);
    private static readonly MibObject EpduLoad =           new("ePDULoadStatusLoad",                   C + "3.2.3.1.1.2",  Metrics.CurrentA,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject EpduPhase =          new("ePDULoadStatusPhaseNumber",            C + "3.2.3.1.1.4",  null,                         1,           MibRange.Positive);
    private static readonly MibObject EpduBank =           new("ePDULoadStatusBankNumber",             C + "3.2.3.1.1.5",  null,                         1,           MibRange.NonNegative);
    private static readonly MibObject EpduVoltage =        new("ePDULoadStatusVoltage",                C + "3.2.3.1.1.6",  Metrics.VoltageV,             0.1,         MibRange.NonNegative);
    private static readonly MibObject EpduPower =          new("ePDULoadStatusActivePower",            C + "3.2.3.1.1.7",  Metrics.PowerW,               1,           MibRange.NonNegative);
    private static readonly MibObject EpduApparentPower =  new("ePDULoadStatusApparentPower",          C + "3.2.3.1.1.8",  Metrics.ApparentPowerVa,      1,           MibRange.NonNegative);
    private static readonly MibObject Epdu2DeviceLoad =    new("ePDU2DeviceStatusCurrentLoad",         C + "6.3.4.1.5",    Metrics.CurrentA,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject Epdu2DevicePower =   new("ePDU2DeviceStatusPowerLoad",           C + "6.3.4.1.18",   Metrics.PowerW,               1,           MibRange.Unsigned32);
    private static readonly MibObject Epdu2PhaseLoad =     new("ePDU2PhaseStatusLoad",                 C + "6.4.4.1.5",    Metrics.CurrentA,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject Epdu2PhaseVoltage =  new("ePDU2PhaseStatusVoltage",              C + "6.4.4.1.6",    Metrics.VoltageV,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject Epdu2PhasePower =    new("ePDU2PhaseStatusPower",                C + "6.4.4.1.7",    Metrics.PowerW,               1,           MibRange.Unsigned32);
    private static readonly MibObject Epdu2BankLoad =      new("ePDU2BankStatusLoad",                  C + "6.5.4.1.5",    Metrics.CurrentA,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject Epdu2OutletLoad =    new("ePDU2OutletMeteredStatusLoad",         C + "6.6.2.4.1.6",  Metrics.CurrentA,             0.1,         MibRange.Unsigned32);
    private static readonly MibObject Epdu2OutletPower =   new("ePDU2OutletMeteredStatusActivePower",  C + "6.6.2.4.1.7",  Metrics.PowerW,               1,           MibRange.Unsigned32);
    // 0.1 °F whatever the card's display unit (spec/snmp-mibs.md §6); NULL or 0 when no probe.
    private static readonly MibObject EnvirTemperature =   new("envirTemperature",                     C + "4.2.1.0",      Metrics.TemperatureC,         0.1,         MibRange.Positive);
    private static readonly MibObject EnvirHumidity =      new("envirHumidity",                        C + "4.3.1.0",      Metrics.HumidityPct,          1,           MibRange.Percent,        0);
    private static readonly MibObject EnvirContact =       new("envirContactStatus",                   C + "4.4.2.1.3",    Metrics.Contact,              1,           MibRange.Enum(1, 2));
    private static readonly MibObject Envir2Contact =      new("envir2ContactStatus",                  C + "8.4.2.1.5",    Metrics.Contact,              1,           MibRange.Enum(1, 2));
    private static readonly MibObject Envir2TempUnit =     new("envir2TempUnit",                       C + "8.2.2.0",      null,                         1,           MibRange.Enum(1, 2));
    private static readonly MibObject Envir2Temperature =  new("envir2Temperature",                    C + "8.2.3.1.3",    Metrics.TemperatureC,         0.01,        MibRange.Integer32);
    private static readonly MibObject Envir2Humidity =     new("envir2Humidity",                       C + "8.3.2.1.3",    Metrics.HumidityPct,          0.01,        new MibRange(0, 10000));

    public string Name => "cyberpower";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.3808")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. Rfc1628UpsProfile.MibSubtrees,
        Oid.Parse(C + "1.2"), Oid.Parse(C + "1.3.2"), Oid.Parse(C + "1.4"), Oid.Parse(C + "1.7.2"),
        EpduNumPhases.Oid, Oid.Parse(C + "3.2.3"), Oid.Parse(C + "4.2"), Oid.Parse(C + "4.3"), EnvirContact.Oid,
        Oid.Parse(C + "6.3.4"), Oid.Parse(C + "6.4.4"), Oid.Parse(C + "6.5.4"), Oid.Parse(C + "6.6.2.4"),
        Oid.Parse(C + "8.2"), Oid.Parse(C + "8.3.2"), Envir2Contact.Oid,
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        Rfc1628UpsProfile.DecodeMib(t, r);
        DecodeUps(t, r);
        DecodePdu(t, r);
        DecodeProbes(t, r);
    }

    private static void DecodeUps(VarBindTable t, DeviceReadings r)
    {
        if (t.Number(BaseBatteryStatus) is { } bs)
            r.SetState(Metrics.BatteryStatus, bs switch { 2 => "normal", 3 => "low", _ => "unknown" });
        r.Set(BatteryCapacity, t);
        r.Set(BatteryVoltage, t);
        r.Set(BatteryTemperature, t);
        r.Set(BatteryRunTime, t);
        if (t.Number(BatteryReplace) is { } replace)
            r.Set(Metrics.ReplaceBattery, replace == 2 ? 1 : 0);

        r.Set(EntityKind.Input, "1", Metrics.VoltageV, t.Value(InputVoltage));
        r.Set(EntityKind.Input, "1", Metrics.FrequencyHz, t.Value(InputFrequency));
        r.Set(EntityKind.Output, "1", Metrics.VoltageV, t.Value(OutputVoltage));
        r.Set(EntityKind.Output, "1", Metrics.FrequencyHz, t.Value(OutputFrequency));
        r.Set(EntityKind.Output, "1", Metrics.CurrentA, t.Value(OutputCurrent));
        r.Set(EntityKind.Output, "1", Metrics.PowerW, t.Value(OutputPower));
        if (t.Value(OutputLoad) is { } load)
        {
            r.Set(EntityKind.Output, "1", Metrics.LoadPct, load);
            r.Set(Metrics.LoadPct, load);
        }

        var source = t.Number(BaseOutputStatus) switch
        {
            1 or 8 => "other",                 // unknown, onECO
            2 or 11 => "normal",               // onLine; onOverload is still on the inverter
            3 => "battery",
            4 => "boost",
            5 or 6 or 7 => "none",             // onSleep, off, rebooting
            9 => "bypass",
            10 => "reduce",                    // onBuck
            _ => null,
        };
        if (source is not null)
            r.SetState(Metrics.OutputSource, source);
        var diagnostics = t.Number(DiagnosticsResults);
        var calibration = t.Number(CalibrationResults);
        UpsSelfTest.Apply(r, diagnostics is null && calibration is null ? null : diagnostics == 4 || calibration == 3);
    }

    private static void DecodePdu(VarBindTable t, DeviceReadings r)
    {
        var phases = t.Number(EpduNumPhases);
        foreach (var row in t.Rows(EpduLoad))
        {
            if (EpduEntity(t, row, phases) is not var (kind, number))
                continue;
            var id = number.ToString(CultureInfo.InvariantCulture);
            r.Set(kind, id, EpduLoad, t, row);
            r.Set(kind, id, EpduVoltage, t, row);
            r.Set(kind, id, EpduPower, t, row);
            r.Set(kind, id, EpduApparentPower, t, row);
        }
        foreach (var row in t.Rows(Epdu2DeviceLoad))
        {
            r.Set(EntityKind.Inlet, row, Epdu2DeviceLoad, t);
            r.Set(EntityKind.Inlet, row, Epdu2DevicePower, t);
        }
        foreach (var row in t.Rows(Epdu2PhaseLoad))
        {
            r.Set(EntityKind.Phase, row, Epdu2PhaseLoad, t);
            r.Set(EntityKind.Phase, row, Epdu2PhaseVoltage, t);
            r.Set(EntityKind.Phase, row, Epdu2PhasePower, t);
        }
        foreach (var row in t.Rows(Epdu2BankLoad))
            r.Set(EntityKind.Bank, row, Epdu2BankLoad, t);
        foreach (var row in t.Rows(Epdu2OutletLoad))
        {
            r.Set(EntityKind.Outlet, row, Epdu2OutletLoad, t);
            r.Set(EntityKind.Outlet, row, Epdu2OutletPower, t);
        }
    }

    /// <summary>Which phase or bank an ePDULoadStatus row is, or null when the agent does not say and the MIB's order cannot tell.</summary>
    private static (EntityKind Kind, long Number)? EpduEntity(VarBindTable t, RowIndex row, long? phases)
    {
        if (t.Number(EpduBank, row) is { } bank)
            return bank > 0 ? (EntityKind.Bank, bank) : t.Number(EpduPhase, row) is { } phase ? (EntityKind.Phase, phase) : null;
        if (row.Length != 1 || row[0] is < 1 or > 10)
            return null; // ePDULoadStatusIndex is INTEGER (1..10)
        long index = row[0];
        if (phases is { } n)
            return index <= n ? (EntityKind.Phase, index) : (EntityKind.Bank, index - n);
        return index == 1 ? (EntityKind.Phase, 1) : null;
    }

    private static void DecodeProbes(VarBindTable t, DeviceReadings r)
    {
        if (t.Value(EnvirTemperature) is { } tenthsF)
            r.Set(EntityKind.Sensor, "0", Metrics.TemperatureC, Fahrenheit.ToCelsius(tenthsF));
        r.Set(EntityKind.Sensor, "0", Metrics.HumidityPct, t.Value(EnvirHumidity));

        var fahrenheit = t.Number(Envir2TempUnit) == 2;
        foreach (var sensor in t.Rows(Envir2Temperature))
        {
            if (t.Value(Envir2Temperature, sensor) is { } temp)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(temp) : temp);
        }
        foreach (var sensor in t.Rows(Envir2Humidity))
            r.Set(EntityKind.Sensor, sensor, Envir2Humidity, t);

        foreach (var column in new[] { EnvirContact, Envir2Contact })
        {
            foreach (var contact in t.Rows(column))
            {
                if (t.Number(column, contact) is { } status)
                    r.SetState(EntityKind.Sensor, "contact-" + contact, Metrics.Contact, status == 1 ? "normal" : "alarm");
            }
        }
    }
}
