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
/// <item>battery_charge_pct: upsHighPrecBatteryCapacity 2.3.1 (0.1 %) → upsAdvBatteryCapacity 2.2.1 (%, 0 = unsupported)</item>
/// <item>battery_temperature_c: upsHighPrecBatteryTemperature 2.3.2 (0.1 °C) → upsAdvBatteryTemperature 2.2.2 (°C; max value = absent)</item>
/// <item>battery_runtime_min: upsAdvBatteryRunTimeRemaining 2.2.3 (TimeTicks ÷ 6000; 4294967295 = absent)</item>
/// <item>replace_battery: upsAdvBatteryReplaceIndicator 2.2.4 noBatteryNeedsReplacing(1)/batteryNeedsReplacing(2)</item>
/// <item>battery_voltage_v: upsHighPrecBatteryActualVoltage 2.3.4 (0.1 V) → upsAdvBatteryActualVoltage 2.2.8 (V, −1 = unsupported)</item>
/// <item>battery_status: upsBasicBatteryStatus 2.1.1 unknown(1) normal(2) low(3) inFault(4) noBatteryPresent(5)</item>
/// <item>input/1: upsHighPrecInputLineVoltage 3.3.1 (0.1 V) → upsAdvInputLineVoltage 3.2.1 (V); frequency 3.3.4 (0.1 Hz) → 3.2.4 (Hz)</item>
/// <item>output/1: voltage 4.3.1 → 4.2.1, frequency 4.3.2 → 4.2.2, load 4.3.3 (0.1 %) → 4.2.3 (%), current 4.3.4 (0.1 A) → 4.2.4 (A); upsAdvOutputActivePower 4.2.8 (W)</item>
/// <item>output_source: upsBasicOutputStatus 4.1.1 (28 states, mapped below; onBatteryTest(15) and selfTest(28) are tests)</item>
/// <item>tests: upsAdvTestDiagnosticsResults 7.2.3 testInProgress(4); upsAdvTestCalibrationResults 7.2.6 calibrationInProgress(3)</item>
/// <item>upsCommStatus 8.1 noComm(2): the card has lost the UPS — the device is unreachable, whatever else the card says</item>
/// </list>
/// </summary>
public sealed class ApcSmartUpsProfile : IDeviceProfile
{
    private const string Ups = "1.3.6.1.4.1.318.1.1.1.";
    private static readonly Oid BasicBatteryStatus = Oid.Parse(Ups + "2.1.1.0");
    private static readonly Oid AdvCapacity = Oid.Parse(Ups + "2.2.1.0");
    private static readonly Oid AdvBatteryTemperature = Oid.Parse(Ups + "2.2.2.0");
    private static readonly Oid AdvRunTime = Oid.Parse(Ups + "2.2.3.0");
    private static readonly Oid AdvReplace = Oid.Parse(Ups + "2.2.4.0");
    private static readonly Oid AdvBatteryVoltage = Oid.Parse(Ups + "2.2.8.0");
    private static readonly Oid HighPrecCapacity = Oid.Parse(Ups + "2.3.1.0");
    private static readonly Oid HighPrecBatteryTemperature = Oid.Parse(Ups + "2.3.2.0");
    private static readonly Oid HighPrecBatteryVoltage = Oid.Parse(Ups + "2.3.4.0");
    private static readonly Oid AdvInputVoltage = Oid.Parse(Ups + "3.2.1.0");
    private static readonly Oid AdvInputFrequency = Oid.Parse(Ups + "3.2.4.0");
    private static readonly Oid HighPrecInputVoltage = Oid.Parse(Ups + "3.3.1.0");
    private static readonly Oid HighPrecInputFrequency = Oid.Parse(Ups + "3.3.4.0");
    private static readonly Oid BasicOutputStatus = Oid.Parse(Ups + "4.1.1.0");
    private static readonly Oid AdvOutputVoltage = Oid.Parse(Ups + "4.2.1.0");
    private static readonly Oid AdvOutputFrequency = Oid.Parse(Ups + "4.2.2.0");
    private static readonly Oid AdvOutputLoad = Oid.Parse(Ups + "4.2.3.0");
    private static readonly Oid AdvOutputCurrent = Oid.Parse(Ups + "4.2.4.0");
    private static readonly Oid AdvOutputPower = Oid.Parse(Ups + "4.2.8.0");
    private static readonly Oid HighPrecOutputVoltage = Oid.Parse(Ups + "4.3.1.0");
    private static readonly Oid HighPrecOutputFrequency = Oid.Parse(Ups + "4.3.2.0");
    private static readonly Oid HighPrecOutputLoad = Oid.Parse(Ups + "4.3.3.0");
    private static readonly Oid HighPrecOutputCurrent = Oid.Parse(Ups + "4.3.4.0");
    private static readonly Oid DiagnosticsResults = Oid.Parse(Ups + "7.2.3.0");
    private static readonly Oid CalibrationResults = Oid.Parse(Ups + "7.2.6.0");
    private static readonly Oid CommStatus = Oid.Parse(Ups + "8.1.0");

    // Gauge32 objects answer their maximum when the UPS cannot measure ("if absent returns max value").
    private const long GaugeAbsent = uint.MaxValue;

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

        r.Set(Metrics.BatteryChargePct, Tenths(t, HighPrecCapacity) ?? Positive(t, AdvCapacity));
        r.Set(Metrics.BatteryTemperatureC, Tenths(t, HighPrecBatteryTemperature) ?? Whole(t, AdvBatteryTemperature));
        if (t.Number(AdvRunTime) is { } ticks && ticks is >= 0 and < GaugeAbsent)
            r.Set(Metrics.BatteryRuntimeMin, ticks / 6000.0);
        if (t.Number(AdvReplace) is { } replace and (1 or 2))
            r.Set(Metrics.ReplaceBattery, replace == 2 ? 1 : 0);
        r.Set(Metrics.BatteryVoltageV, Tenths(t, HighPrecBatteryVoltage) ?? Whole(t, AdvBatteryVoltage));
        if (t.Number(BasicBatteryStatus) is { } bs && bs is >= 1 and <= 5)
            r.SetState(Metrics.BatteryStatus, bs switch { 2 => "normal", 3 => "low", _ => "unknown" });

        r.Set(EntityKind.Input, "1", Metrics.VoltageV, Tenths(t, HighPrecInputVoltage) ?? Whole(t, AdvInputVoltage));
        r.Set(EntityKind.Input, "1", Metrics.FrequencyHz, Tenths(t, HighPrecInputFrequency) ?? Whole(t, AdvInputFrequency));
        r.Set(EntityKind.Output, "1", Metrics.VoltageV, Tenths(t, HighPrecOutputVoltage) ?? Whole(t, AdvOutputVoltage));
        r.Set(EntityKind.Output, "1", Metrics.FrequencyHz, Tenths(t, HighPrecOutputFrequency) ?? Whole(t, AdvOutputFrequency));
        r.Set(EntityKind.Output, "1", Metrics.CurrentA, Tenths(t, HighPrecOutputCurrent) ?? Whole(t, AdvOutputCurrent));
        r.Set(EntityKind.Output, "1", Metrics.PowerW, Whole(t, AdvOutputPower));
        var load = Tenths(t, HighPrecOutputLoad) ?? Whole(t, AdvOutputLoad);
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

    private static double? Tenths(VarBindTable t, Oid oid) => t.Number(oid) is { } v && v is >= 0 and < GaugeAbsent ? v / 10.0 : null;

    private static double? Whole(VarBindTable t, Oid oid) => t.Number(oid) is { } v && v is >= 0 and < GaugeAbsent ? v : null;

    private static double? Positive(VarBindTable t, Oid oid) => t.Number(oid) is { } v && v is > 0 and < GaugeAbsent ? v : null;
}
