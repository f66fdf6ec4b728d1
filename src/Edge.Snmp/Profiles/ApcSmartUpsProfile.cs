using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// APC Smart-UPS / Symmetra behind a Network Management Card: PowerNet-MIB <c>upsObjects</c> (<c>318.1.1.1</c>) over
/// RFC 1628, plus the card's iem/uio probes (<see cref="ApcProbes"/>). NMC firmware implements only some objects
/// (the apc_smx750i recording has HighPrec capacity but no Adv capacity and no Basic battery status), so every
/// value is taken from HighPrec (tenths) first, then Adv, then Basic — the order of NUT <c>apc-mib.c</c> and LibreNMS.
/// Source: PowerNet-MIB via spec/snmp-mibs.md §2a.
/// <list type="table">
/// <item>battery and input/output scalars → the device, input/1, output/1 (each HighPrec first, Adv then)</item>
/// <item>upsBasicOutputStatus → output_source (28 states, mapped below; onBatteryTest(15) and selfTest(28) are tests)</item>
/// <item>upsCommStatus noComm(2): the card has lost the UPS — the device is unreachable, whatever else the card says</item>
/// </list>
/// The Gauge32 objects answer their maximum when the UPS cannot measure ("if absent returns max value"): 2^32−1 is
/// declared a sentinel on each.
/// </summary>
internal sealed class ApcSmartUpsProfile : IDeviceProfile
{
    private const string Ups = "1.3.6.1.4.1.318.1.1.1.";
    private const long GaugeAbsent = uint.MaxValue;

    // PowerNet-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                                 MIB object                          OID               metric                        scale        range                  sentinels
    private static readonly MibObject BasicBatteryStatus =         new("upsBasicBatteryStatus",            Ups + "2.1.1.0",  Metrics.BatteryStatus,        1,           MibRange.Enum(1, 5));
    // 0 = the UPS does not support it (spec/snmp-mibs.md §2a).
    private static readonly MibObject AdvCapacity =                new("upsAdvBatteryCapacity",            Ups + "2.2.1.0",  Metrics.BatteryChargePct,     1,           MibRange.Unsigned32,   0, GaugeAbsent);
    private static readonly MibObject AdvBatteryTemperature =      new("upsAdvBatteryTemperature",         Ups + "2.2.2.0",  Metrics.BatteryTemperatureC,  1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvRunTime =                 new("upsAdvBatteryRunTimeRemaining",    Ups + "2.2.3.0",  Metrics.BatteryRuntimeMin,    1 / 6000.0,  MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvReplace =                 new("upsAdvBatteryReplaceIndicator",    Ups + "2.2.4.0",  Metrics.ReplaceBattery,       1,           MibRange.Enum(1, 2));
    private static readonly MibObject AdvBatteryVoltage =          new("upsAdvBatteryActualVoltage",       Ups + "2.2.8.0",  Metrics.BatteryVoltageV,      1,           MibRange.Integer32,    -1);
    private static readonly MibObject HighPrecCapacity =           new("upsHighPrecBatteryCapacity",       Ups + "2.3.1.0",  Metrics.BatteryChargePct,     0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecBatteryTemperature = new("upsHighPrecBatteryTemperature",    Ups + "2.3.2.0",  Metrics.BatteryTemperatureC,  0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecBatteryVoltage =     new("upsHighPrecBatteryActualVoltage",  Ups + "2.3.4.0",  Metrics.BatteryVoltageV,      0.1,         MibRange.Integer32,    -1);
    private static readonly MibObject AdvInputVoltage =            new("upsAdvInputLineVoltage",           Ups + "3.2.1.0",  Metrics.VoltageV,             1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvInputFrequency =          new("upsAdvInputFrequency",             Ups + "3.2.4.0",  Metrics.FrequencyHz,          1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecInputVoltage =       new("upsHighPrecInputLineVoltage",      Ups + "3.3.1.0",  Metrics.VoltageV,             0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecInputFrequency =     new("upsHighPrecInputFrequency",        Ups + "3.3.4.0",  Metrics.FrequencyHz,          0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject BasicOutputStatus =          new("upsBasicOutputStatus",             Ups + "4.1.1.0",  Metrics.OutputSource,         1,           MibRange.Enum(1, 28));
    private static readonly MibObject AdvOutputVoltage =           new("upsAdvOutputVoltage",              Ups + "4.2.1.0",  Metrics.VoltageV,             1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvOutputFrequency =         new("upsAdvOutputFrequency",            Ups + "4.2.2.0",  Metrics.FrequencyHz,          1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvOutputLoad =              new("upsAdvOutputLoad",                 Ups + "4.2.3.0",  Metrics.LoadPct,              1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvOutputCurrent =           new("upsAdvOutputCurrent",              Ups + "4.2.4.0",  Metrics.CurrentA,             1,           MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject AdvOutputPower =             new("upsAdvOutputActivePower",          Ups + "4.2.8.0",  Metrics.PowerW,               1,           MibRange.Integer32,    -1);
    private static readonly MibObject HighPrecOutputVoltage =      new("upsHighPrecOutputVoltage",         Ups + "4.3.1.0",  Metrics.VoltageV,             0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecOutputFrequency =    new("upsHighPrecOutputFrequency",       Ups + "4.3.2.0",  Metrics.FrequencyHz,          0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecOutputLoad =         new("upsHighPrecOutputLoad",            Ups + "4.3.3.0",  Metrics.LoadPct,              0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject HighPrecOutputCurrent =      new("upsHighPrecOutputCurrent",         Ups + "4.3.4.0",  Metrics.CurrentA,             0.1,         MibRange.Unsigned32,   GaugeAbsent);
    private static readonly MibObject DiagnosticsResults =         new("upsAdvTestDiagnosticsResults",     Ups + "7.2.3.0",  Metrics.UpsTest,              1,           MibRange.Enum(1, 4));
    private static readonly MibObject CalibrationResults =         new("upsAdvTestCalibrationResults",     Ups + "7.2.6.0",  Metrics.UpsTest,              1,           MibRange.Enum(1, 7));
    private static readonly MibObject CommStatus =                 new("upsCommStatus",                    Ups + "8.1.0",    null,                         1,           MibRange.Enum(1, 2));

    public string Name => "apc-ups";

    /// <summary>The APC hardware arc: smartUPS (.3.2.*), smartUPS2 (.3.27), Symmetra (.3.5.*) and any other NMC-managed UPS; PDUs (.3.4) and EMUs (.3.8) have longer prefixes.</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.318.1.3")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. Rfc1628UpsProfile.MibSubtrees,
        Oid.Parse(Ups + "2"), Oid.Parse(Ups + "3"), Oid.Parse(Ups + "4"), Oid.Parse(Ups + "7.2"), Oid.Parse(Ups + "8"),
        .. ApcProbes.Subtrees,
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        if (t.Number(CommStatus) == 2)
        {
            r.MarkUnavailable("the management card reports upsCommStatus noComm: it has lost contact with the UPS");
            return;
        }
        Rfc1628UpsProfile.DecodeMib(t, r);

        r.Set(Metrics.BatteryChargePct, t.Value(HighPrecCapacity) ?? t.Value(AdvCapacity));
        r.Set(Metrics.BatteryTemperatureC, t.Value(HighPrecBatteryTemperature) ?? t.Value(AdvBatteryTemperature));
        r.Set(AdvRunTime, t);
        if (t.Number(AdvReplace) is { } replace)
            r.Set(Metrics.ReplaceBattery, replace == 2 ? 1 : 0);
        r.Set(Metrics.BatteryVoltageV, t.Value(HighPrecBatteryVoltage) ?? t.Value(AdvBatteryVoltage));
        if (t.Number(BasicBatteryStatus) is { } bs)
            r.SetState(Metrics.BatteryStatus, bs switch { 2 => "normal", 3 => "low", _ => "unknown" });

        r.Set(EntityKind.Input, "1", Metrics.VoltageV, t.Value(HighPrecInputVoltage) ?? t.Value(AdvInputVoltage));
        r.Set(EntityKind.Input, "1", Metrics.FrequencyHz, t.Value(HighPrecInputFrequency) ?? t.Value(AdvInputFrequency));
        r.Set(EntityKind.Output, "1", Metrics.VoltageV, t.Value(HighPrecOutputVoltage) ?? t.Value(AdvOutputVoltage));
        r.Set(EntityKind.Output, "1", Metrics.FrequencyHz, t.Value(HighPrecOutputFrequency) ?? t.Value(AdvOutputFrequency));
        r.Set(EntityKind.Output, "1", Metrics.CurrentA, t.Value(HighPrecOutputCurrent) ?? t.Value(AdvOutputCurrent));
        r.Set(EntityKind.Output, "1", Metrics.PowerW, t.Value(AdvOutputPower));
        var load = t.Value(HighPrecOutputLoad) ?? t.Value(AdvOutputLoad);
        r.Set(EntityKind.Output, "1", Metrics.LoadPct, load);
        r.Set(Metrics.LoadPct, load);

        var status = t.Number(BasicOutputStatus);
        if (status is { } s && OutputSource(s) is { } source)
            r.SetState(Metrics.OutputSource, source);
        bool? testing = status is 15 or 28 ? true : null;
        if (t.Number(DiagnosticsResults) is { } diag)
            testing = testing == true || diag == 4;
        if (t.Number(CalibrationResults) is { } cal)
            testing = testing == true || cal == 3;
        if (status is 15 or 28 && r.State(Metrics.OutputSource) is null or "normal")
            r.SetState(Metrics.OutputSource, "battery"); // a test runs on battery; UpsSelfTest turns it into "test"
        UpsSelfTest.Apply(r, testing);

        ApcProbes.Decode(t, r);
    }

    /// <summary>upsBasicOutputStatus → output_source. Unknown(1) and the many eco/standby modes are "other": the load is neither plainly on line nor on battery.</summary>
    private static string? OutputSource(long status) => status switch
    {
        2 => "normal",                        // onLine
        3 => "battery",                       // onBattery
        4 => "boost",                         // onSmartBoost
        12 => "reduce",                       // onSmartTrim
        6 or 9 or 10 or 16 => "bypass",       // software / switched / hardware-failure / emergency static bypass
        5 or 7 or 8 or 11 => "none",          // timedSleeping, off, rebooting, sleepingUntilPowerReturn: no output
        15 or 28 => "battery",                // onBatteryTest, selfTest (→ "test" via UpsSelfTest)
        >= 1 and <= 28 => "other",
        _ => null,
    };
}
