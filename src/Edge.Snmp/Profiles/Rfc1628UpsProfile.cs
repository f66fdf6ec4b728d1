using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// RFC 1628 UPS-MIB (<c>1.3.6.1.2.1.33</c>), the fallback for any UPS and for any device no other profile matches: a
/// device that does not answer it yields only <c>reachable</c>. Vendor UPS profiles decode this first and override.
/// <para>Source: RFC 1628 §4 (object definitions), cross-checked in spec/snmp-mibs.md §1 against NUT
/// <c>drivers/ietf-mib.c</c> and LibreNMS <c>rfc1628.inc.php</c>.</para>
/// <list type="table">
/// <item>upsBatteryStatus .33.1.2.1: unknown(1) normal(2) low(3) depleted(4) → <c>battery_status</c></item>
/// <item>upsSecondsOnBattery .33.1.2.2 (s): &gt; 0 means on battery even where upsOutputSource says normal/other</item>
/// <item>upsEstimatedMinutesRemaining .33.1.2.3 (min) → <c>battery_runtime_min</c>; 999 and negative are "unknown" on cards that cannot estimate</item>
/// <item>upsEstimatedChargeRemaining .33.1.2.4 (%) → <c>battery_charge_pct</c></item>
/// <item>upsBatteryVoltage .33.1.2.5 (0.1 V DC) → <c>battery_voltage_v</c></item>
/// <item>upsBatteryTemperature .33.1.2.7 (°C) → <c>battery_temperature_c</c>; −273 (Tripp Lite) and 0 (Eaton 9PX) mean no probe</item>
/// <item>upsInputTable .33.1.3.3.1: frequency .2 (0.1 Hz), voltage .3 (V), current .4 (0.1 A), true power .5 (W) → input/LINE</item>
/// <item>upsOutputSource .33.1.4.1: other(1) none(2) normal(3) bypass(4) battery(5) booster(6) reducer(7) → <c>output_source</c></item>
/// <item>upsOutputFrequency .33.1.4.2 (0.1 Hz) → every output/LINE</item>
/// <item>upsOutputTable .33.1.4.4.1: voltage .2 (V), current .3 (0.1 A), power .4 (W, may be negative on Generex), percent load .5 (%) → output/LINE; the device's <c>load_pct</c> is the highest line</item>
/// <item>upsAlarmTable .33.1.6.2.1.2 (descr OID): upsAlarmOnBattery .33.1.6.3.2 means on battery, upsAlarmTestInProgress .33.1.6.3.24 a test</item>
/// <item>upsTestResultsSummary .33.1.7.3: inProgress(5) → a self-test (or upsTestDeepBatteryCalibration) is running</item>
/// </list>
/// </summary>
public sealed class Rfc1628UpsProfile : IDeviceProfile
{
    private static readonly Oid Ups = Oid.Parse("1.3.6.1.2.1.33");
    private static readonly Oid BatteryStatus = Oid.Parse("1.3.6.1.2.1.33.1.2.1.0");
    private static readonly Oid SecondsOnBattery = Oid.Parse("1.3.6.1.2.1.33.1.2.2.0");
    private static readonly Oid MinutesRemaining = Oid.Parse("1.3.6.1.2.1.33.1.2.3.0");
    private static readonly Oid ChargeRemaining = Oid.Parse("1.3.6.1.2.1.33.1.2.4.0");
    private static readonly Oid BatteryVoltage = Oid.Parse("1.3.6.1.2.1.33.1.2.5.0");
    private static readonly Oid BatteryTemperature = Oid.Parse("1.3.6.1.2.1.33.1.2.7.0");
    private static readonly Oid InputFrequency = Oid.Parse("1.3.6.1.2.1.33.1.3.3.1.2");
    private static readonly Oid InputVoltage = Oid.Parse("1.3.6.1.2.1.33.1.3.3.1.3");
    private static readonly Oid InputCurrent = Oid.Parse("1.3.6.1.2.1.33.1.3.3.1.4");
    private static readonly Oid InputPower = Oid.Parse("1.3.6.1.2.1.33.1.3.3.1.5");
    private static readonly Oid OutputSource = Oid.Parse("1.3.6.1.2.1.33.1.4.1.0");
    private static readonly Oid OutputFrequency = Oid.Parse("1.3.6.1.2.1.33.1.4.2.0");
    private static readonly Oid OutputVoltage = Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.2");
    private static readonly Oid OutputCurrent = Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.3");
    private static readonly Oid OutputPower = Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.4");
    private static readonly Oid OutputLoad = Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.5");
    private static readonly Oid AlarmDescr = Oid.Parse("1.3.6.1.2.1.33.1.6.2.1.2");
    private static readonly Oid AlarmOnBattery = Oid.Parse("1.3.6.1.2.1.33.1.6.3.2");
    private static readonly Oid AlarmTestInProgress = Oid.Parse("1.3.6.1.2.1.33.1.6.3.24");
    private static readonly Oid TestResultsSummary = Oid.Parse("1.3.6.1.2.1.33.1.7.3.0");

    private static readonly string[] Sources = ["other", "none", "normal", "bypass", "battery", "boost", "reduce"];
    private static readonly string[] BatteryStates = ["unknown", "normal", "low", "depleted"];

    public const string ProfileName = "rfc1628";

    public string Name => ProfileName;

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Ups];

    /// <summary>upsBattery, upsInput, upsOutput, upsAlarm, upsTest: the groups the readings come from (not ident, bypass, control, config).</summary>
    public static IReadOnlyList<Oid> MibSubtrees { get; } =
        [.. new[] { "2", "3", "4", "6", "7" }.Select(g => Oid.Parse("1.3.6.1.2.1.33.1." + g))];

    public IReadOnlyList<Oid> Subtrees => MibSubtrees;

    public void Decode(VarBindTable table, DeviceReadings readings) => DecodeMib(table, readings);

    /// <summary>The RFC 1628 readings, for vendor profiles to decode first and then override.</summary>
    public static void DecodeMib(VarBindTable t, DeviceReadings r)
    {
        if (t.Number(BatteryStatus) is { } bs && bs is >= 1 and <= 4)
            r.SetState(Metrics.BatteryStatus, BatteryStates[bs - 1]);
        if (t.Number(MinutesRemaining) is { } min && min is >= 0 and not 999)
            r.Set(Metrics.BatteryRuntimeMin, min);
        if (t.Number(ChargeRemaining) is { } charge && charge is >= 0 and <= 100)
            r.Set(Metrics.BatteryChargePct, charge);
        if (t.Number(BatteryVoltage) is { } bv && bv >= 0)
            r.Set(Metrics.BatteryVoltageV, bv / 10.0);
        if (t.Number(BatteryTemperature) is { } bt && bt > -273 && bt != 0)
            r.Set(Metrics.BatteryTemperatureC, bt);

        foreach (var line in t.Rows(InputVoltage).Concat(t.Rows(InputFrequency)).Distinct())
        {
            r.Set(EntityKind.Input, line, Metrics.VoltageV, t.Number(InputVoltage, line));
            r.Set(EntityKind.Input, line, Metrics.FrequencyHz, t.Number(InputFrequency, line) / 10.0);
            r.Set(EntityKind.Input, line, Metrics.CurrentA, t.Number(InputCurrent, line) / 10.0);
            r.Set(EntityKind.Input, line, Metrics.PowerW, t.Number(InputPower, line));
        }

        var outputFrequency = t.Number(OutputFrequency) / 10.0;
        long? maxLoad = null;
        foreach (var line in t.Rows(OutputVoltage).Concat(t.Rows(OutputLoad)).Distinct())
        {
            r.Set(EntityKind.Output, line, Metrics.VoltageV, t.Number(OutputVoltage, line));
            r.Set(EntityKind.Output, line, Metrics.CurrentA, t.Number(OutputCurrent, line) / 10.0);
            r.Set(EntityKind.Output, line, Metrics.PowerW, t.Number(OutputPower, line));
            r.Set(EntityKind.Output, line, Metrics.FrequencyHz, outputFrequency);
            if (t.Number(OutputLoad, line) is { } load && load >= 0)
            {
                r.Set(EntityKind.Output, line, Metrics.LoadPct, load);
                maxLoad = Math.Max(maxLoad ?? 0, load);
            }
        }
        r.Set(Metrics.LoadPct, maxLoad);

        var alarms = t.Column(AlarmDescr).Select(a => a.Value.OidValue).ToList();
        var source = t.Number(OutputSource) is { } os && os is >= 1 and <= 7 ? Sources[os - 1] : null;
        var onBatteryEvidence = t.Number(SecondsOnBattery) > 0 || alarms.Contains(AlarmOnBattery);
        // "other"/"normal" with seconds on battery or the on-battery alarm is still on battery (spec/snmp-mibs.md §1, portable rule).
        if (onBatteryEvidence && source is null or "normal" or "other")
            source = "battery";
        if (source is not null)
            r.SetState(Metrics.OutputSource, source);

        bool? testing = t.Number(TestResultsSummary) is { } summary ? summary == 5 : null;
        if (alarms.Contains(AlarmTestInProgress))
            testing = true;
        UpsSelfTest.Apply(r, testing);
    }
}
