using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Eaton / Powerware UPS behind a ConnectUPS, Gigabit or Network-M2 card (XUPS-MIB, <c>534.1</c>) over RFC 1628:
/// Network-M2 cards answer both, ConnectUPS only XUPS (LibreNMS splits them into eatonupsm2 / eatonups), so RFC 1628
/// is decoded first and XUPS overrides. Source: XUPS-MIB via spec/snmp-mibs.md §5b; NUT <c>eaton-ups-pwnm2-mib.c</c>.
/// <list type="table">
/// <item>xupsBattery 2 scalars → the device; xupsBatteryAbmStatus batteryUnderTest(7) or xupsTestBatteryStatus inProgress(4) → a test runs</item>
/// <item>xupsInputTable 3.4.1 → input/PHASE, xupsOutputTable 4.4.1 → output/PHASE (the frequency scalar on every phase)</item>
/// <item>xupsOutputSource 4.5: the parallel and high-efficiency modes are Eaton's normal operation, maintenance bypass is bypass</item>
/// <item>xupsEnvAmbientTemp 6.1 (°C "in the vicinity of the UPS or SNMP agent", the card's own sensor) → sensor/0;
/// EMP probe (EATON-EMP-MIB) → sensor/1</item>
/// </list>
/// </summary>
internal sealed class EatonUpsProfile : IDeviceProfile
{
    private const string X = "1.3.6.1.4.1.534.1.";

    // XUPS-MIB, EATON-EMP-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                        MIB object                OID             metric                      scale      range                     sentinels
    private static readonly MibObject BatTimeRemaining =  new("xupsBatTimeRemaining",   X + "2.1.0",    Metrics.BatteryRuntimeMin,  1 / 60.0,  MibRange.NonNegative);
    private static readonly MibObject BatVoltage =        new("xupsBatVoltage",         X + "2.2.0",    Metrics.BatteryVoltageV,    1,         MibRange.NonNegative);
    private static readonly MibObject BatCapacity =       new("xupsBatCapacity",        X + "2.4.0",    Metrics.BatteryChargePct,   1,         MibRange.Percent);
    private static readonly MibObject BatAbmStatus =      new("xupsBatteryAbmStatus",   X + "2.5.0",    Metrics.UpsTest,            1,         MibRange.Enum(1, 8));
    private static readonly MibObject InputFrequency =    new("xupsInputFrequency",     X + "3.1.0",    Metrics.FrequencyHz,        0.1,       MibRange.NonNegative);
    private static readonly MibObject InputVoltage =      new("xupsInputVoltage",       X + "3.4.1.2",  Metrics.VoltageV,           1,         MibRange.NonNegative);
    private static readonly MibObject InputCurrent =      new("xupsInputCurrent",       X + "3.4.1.3",  Metrics.CurrentA,           1,         MibRange.NonNegative);
    private static readonly MibObject InputWatts =        new("xupsInputWatts",         X + "3.4.1.4",  Metrics.PowerW,             1,         MibRange.NonNegative);
    private static readonly MibObject OutputLoad =        new("xupsOutputLoad",         X + "4.1.0",    Metrics.LoadPct,            1,         new MibRange(0, 200));
    private static readonly MibObject OutputFrequency =   new("xupsOutputFrequency",    X + "4.2.0",    Metrics.FrequencyHz,        0.1,       MibRange.NonNegative);
    private static readonly MibObject OutputVoltage =     new("xupsOutputVoltage",      X + "4.4.1.2",  Metrics.VoltageV,           1,         MibRange.NonNegative);
    private static readonly MibObject OutputCurrent =     new("xupsOutputCurrent",      X + "4.4.1.3",  Metrics.CurrentA,           1,         MibRange.NonNegative);
    private static readonly MibObject OutputWatts =       new("xupsOutputWatts",        X + "4.4.1.4",  Metrics.PowerW,             1,         MibRange.NonNegative);
    private static readonly MibObject OutputSource =      new("xupsOutputSource",       X + "4.5.0",    Metrics.OutputSource,       1,         MibRange.Enum(1, 12));
    private static readonly MibObject AmbientTemp =       new("xupsEnvAmbientTemp",     X + "6.1.0",    Metrics.TemperatureC,       1,         new MibRange(-100, 200));
    private static readonly MibObject RemoteTemp =        new("xupsEnvRemoteTemp",      X + "6.5.0",    Metrics.TemperatureC,       1,         new MibRange(-100, 200));
    // 0: an EMP without a humidity sensor.
    private static readonly MibObject RemoteHumidity =    new("xupsEnvRemoteHumidity",  X + "6.6.0",    Metrics.HumidityPct,        1,         MibRange.Percent,         0);
    private static readonly MibObject TestBatteryStatus = new("xupsTestBatteryStatus",  X + "8.2.0",    Metrics.UpsTest,            1,         MibRange.Enum(1, 7));

    public string Name => "eaton-ups";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.534.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. Rfc1628UpsProfile.MibSubtrees,
        Oid.Parse(X + "2"), Oid.Parse(X + "3"), Oid.Parse(X + "4"), Oid.Parse(X + "6"), Oid.Parse(X + "8"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        Rfc1628UpsProfile.DecodeMib(t, r);

        if (t.Value(BatTimeRemaining) is { } minutes)
            r.Set(Metrics.BatteryRuntimeMin, Math.Round(minutes, 2));
        r.Set(BatVoltage, t);
        r.Set(BatCapacity, t);

        var inputFrequency = t.Value(InputFrequency);
        foreach (var phase in t.Rows(InputVoltage))
        {
            r.Set(EntityKind.Input, phase, InputVoltage, t);
            r.Set(EntityKind.Input, phase, InputCurrent, t);
            r.Set(EntityKind.Input, phase, InputWatts, t);
            r.Set(EntityKind.Input, phase, Metrics.FrequencyHz, inputFrequency);
        }
        var outputFrequency = t.Value(OutputFrequency);
        foreach (var phase in t.Rows(OutputVoltage))
        {
            r.Set(EntityKind.Output, phase, OutputVoltage, t);
            r.Set(EntityKind.Output, phase, OutputCurrent, t);
            r.Set(EntityKind.Output, phase, OutputWatts, t);
            r.Set(EntityKind.Output, phase, Metrics.FrequencyHz, outputFrequency);
        }
        r.Set(OutputLoad, t);

        var source = t.Number(OutputSource) switch
        {
            1 => "other",
            2 => "none",
            3 or 8 or 9 or 10 or 12 => "normal",
            4 or 11 => "bypass",
            5 => "battery",
            6 => "boost",
            7 => "reduce",
            _ => null,
        };
        if (source is not null)
            r.SetState(Metrics.OutputSource, source);

        var abm = t.Number(BatAbmStatus);
        var test = t.Number(TestBatteryStatus);
        UpsSelfTest.Apply(r, abm is null && test is null ? null : abm == 7 || test == 4);

        r.Set(EntityKind.Sensor, "0", Metrics.TemperatureC, t.Value(AmbientTemp));
        r.Set(EntityKind.Sensor, "1", Metrics.TemperatureC, t.Value(RemoteTemp));
        r.Set(EntityKind.Sensor, "1", Metrics.HumidityPct, t.Value(RemoteHumidity));
    }
}
