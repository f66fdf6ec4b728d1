using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// RFC 1628 UPS-MIB (<c>1.3.6.1.2.1.33</c>), the fallback for any UPS and for any device no other profile matches: a
/// device that does not answer it yields only <c>reachable</c>. Vendor UPS profiles decode this first and override.
/// <para>Source: RFC 1628 §4 (object definitions), cross-checked in spec/snmp-mibs.md §1 against NUT
/// <c>drivers/ietf-mib.c</c> and LibreNMS <c>rfc1628.inc.php</c>.</para>
/// <list type="table">
/// <item>upsBattery .33.1.2 scalars → the device; upsSecondsOnBattery &gt; 0 means on battery even where upsOutputSource says normal/other</item>
/// <item>upsInputTable .33.1.3.3.1 → input/LINE; upsOutputTable .33.1.4.4.1 → output/LINE (upsOutputFrequency on every line);
/// the device's <c>load_pct</c> is the highest line</item>
/// <item>upsAlarmTable .33.1.6.2.1.2 (descr OID): upsAlarmOnBattery .33.1.6.3.2 means on battery, upsAlarmTestInProgress .33.1.6.3.24 a test</item>
/// </list>
/// Every number is range-checked against its SYNTAX: a UPS answering upsEstimatedMinutesRemaining 4294967295
/// (outside PositiveInteger) or a Generex CS141 answering upsOutputPower −26 W (outside NonNegativeInteger) gives no
/// reading, not a 4-billion-minute runtime or a negative load.
/// </summary>
internal sealed class Rfc1628UpsProfile : IDeviceProfile
{
    private const string Mib = "1.3.6.1.2.1.33.1.";
    private static readonly Oid Ups = Oid.Parse("1.3.6.1.2.1.33");

    // UPS-MIB, RFC 1628 §4 objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                         MIB object                       OID               metric                        scale   range                  sentinels
    private static readonly MibObject BatteryStatus =      new("upsBatteryStatus",              Mib + "2.1.0",    Metrics.BatteryStatus,        1,      MibRange.Enum(1, 4));
    private static readonly MibObject SecondsOnBattery =   new("upsSecondsOnBattery",           Mib + "2.2.0",    null,                         1,      MibRange.NonNegative);
    // 999: cards that cannot estimate (spec/snmp-mibs.md §1). The SYNTAX is PositiveInteger, but a UPS whose battery is
    // spent may well answer 0, and a "runtime below N" rule must see that: a 0 read as a real 0 can at worst page
    // early, a 0 dropped can miss the page that matters most. So the range starts at 0.
    private static readonly MibObject MinutesRemaining =   new("upsEstimatedMinutesRemaining",  Mib + "2.3.0",    Metrics.BatteryRuntimeMin,    1,      MibRange.NonNegative,  999);
    private static readonly MibObject ChargeRemaining =    new("upsEstimatedChargeRemaining",   Mib + "2.4.0",    Metrics.BatteryChargePct,     1,      MibRange.Percent);
    private static readonly MibObject BatteryVoltage =     new("upsBatteryVoltage",             Mib + "2.5.0",    Metrics.BatteryVoltageV,      0.1,    MibRange.NonNegative);
    // Integer32 °C; −273 (Tripp Lite) and 0 (Eaton 9PX) when there is no probe (spec/snmp-mibs.md §1, §11).
    private static readonly MibObject BatteryTemperature = new("upsBatteryTemperature",         Mib + "2.7.0",    Metrics.BatteryTemperatureC,  1,      MibRange.Integer32,    -273, 0);
    private static readonly MibObject InputFrequency =     new("upsInputFrequency",             Mib + "3.3.1.2",  Metrics.FrequencyHz,          0.1,    MibRange.NonNegative);
    private static readonly MibObject InputVoltage =       new("upsInputVoltage",               Mib + "3.3.1.3",  Metrics.VoltageV,             1,      MibRange.NonNegative);
    private static readonly MibObject InputCurrent =       new("upsInputCurrent",               Mib + "3.3.1.4",  Metrics.CurrentA,             0.1,    MibRange.NonNegative);
    private static readonly MibObject InputPower =         new("upsInputTruePower",             Mib + "3.3.1.5",  Metrics.PowerW,               1,      MibRange.NonNegative);
    private static readonly MibObject OutputSource =       new("upsOutputSource",               Mib + "4.1.0",    Metrics.OutputSource,         1,      MibRange.Enum(1, 7));
    private static readonly MibObject OutputFrequency =    new("upsOutputFrequency",            Mib + "4.2.0",    Metrics.FrequencyHz,          0.1,    MibRange.NonNegative);
    private static readonly MibObject OutputVoltage =      new("upsOutputVoltage",              Mib + "4.4.1.2",  Metrics.VoltageV,             1,      MibRange.NonNegative);
    private static readonly MibObject OutputCurrent =      new("upsOutputCurrent",              Mib + "4.4.1.3",  Metrics.CurrentA,             0.1,    MibRange.NonNegative);
    private static readonly MibObject OutputPower =        new("upsOutputPower",                Mib + "4.4.1.4",  Metrics.PowerW,               1,      MibRange.NonNegative);
    private static readonly MibObject OutputLoad =         new("upsOutputPercentLoad",          Mib + "4.4.1.5",  Metrics.LoadPct,              1,      new MibRange(0, 200));
    private static readonly MibObject TestResultsSummary = new("upsTestResultsSummary",         Mib + "7.3.0",    null,                         1,      MibRange.Enum(1, 6));
    private static readonly Oid AlarmDescr = Oid.Parse(Mib + "6.2.1.2");
    private static readonly Oid AlarmOnBattery = Oid.Parse(Mib + "6.3.2");
    private static readonly Oid AlarmTestInProgress = Oid.Parse(Mib + "6.3.24");

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
        if (t.Number(BatteryStatus) is { } bs)
            r.SetState(Metrics.BatteryStatus, BatteryStates[bs - 1]);
        r.Set(MinutesRemaining, t);
        r.Set(ChargeRemaining, t);
        r.Set(BatteryVoltage, t);
        r.Set(BatteryTemperature, t);

        foreach (var line in t.Rows(InputVoltage).Concat(t.Rows(InputFrequency)).Distinct())
        {
            r.Set(EntityKind.Input, line, InputVoltage, t);
            r.Set(EntityKind.Input, line, InputFrequency, t);
            r.Set(EntityKind.Input, line, InputCurrent, t);
            r.Set(EntityKind.Input, line, InputPower, t);
        }

        var outputFrequency = t.Value(OutputFrequency);
        double? maxLoad = null;
        foreach (var line in t.Rows(OutputVoltage).Concat(t.Rows(OutputLoad)).Distinct())
        {
            r.Set(EntityKind.Output, line, OutputVoltage, t);
            r.Set(EntityKind.Output, line, OutputCurrent, t);
            r.Set(EntityKind.Output, line, OutputPower, t);
            r.Set(EntityKind.Output, line, Metrics.FrequencyHz, outputFrequency);
            if (t.Value(OutputLoad, line) is { } load)
            {
                r.Set(EntityKind.Output, line, Metrics.LoadPct, load);
                maxLoad = Math.Max(maxLoad ?? 0, load);
            }
        }
        r.Set(Metrics.LoadPct, maxLoad);

        var alarms = t.Column(AlarmDescr).Select(a => a.Value.OidValue).ToList();
        var source = t.Number(OutputSource) is { } os ? Sources[os - 1] : null;
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
