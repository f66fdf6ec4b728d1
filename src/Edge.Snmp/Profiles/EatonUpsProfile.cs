using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Eaton / Powerware UPS behind a ConnectUPS, Gigabit or Network-M2 card (XUPS-MIB, <c>534.1</c>) over RFC 1628:
/// Network-M2 cards answer both, ConnectUPS only XUPS (LibreNMS splits them into eatonupsm2 / eatonups), so RFC 1628
/// is decoded first and XUPS overrides. Source: XUPS-MIB via spec/snmp-mibs.md §5b; NUT <c>eaton-ups-pwnm2-mib.c</c>.
/// <list type="table">
/// <item>xupsBatTimeRemaining 2.1 (s) → battery_runtime_min; xupsBatVoltage 2.2 (V DC); xupsBatCapacity 2.4 (%)</item>
/// <item>xupsBatteryAbmStatus 2.5 batteryUnderTest(7) → a test runs; xupsTestBatteryStatus 8.2 inProgress(4) too</item>
/// <item>xupsInputFrequency 3.1 (0.1 Hz); xupsInputTable 3.4.1: voltage .2 (V), current .3 (A, whole), watts .4 (W) → input/PHASE</item>
/// <item>xupsOutputLoad 4.1 (%); xupsOutputFrequency 4.2 (0.1 Hz); xupsOutputTable 4.4.1: voltage .2, current .3, watts .4 → output/PHASE</item>
/// <item>xupsOutputSource 4.5: other(1) none(2) normal(3) bypass(4) battery(5) booster(6) reducer(7) parallelCapacity(8)
/// parallelRedundant(9) highEfficiencyMode(10) maintenanceBypass(11) essMode(12); the parallel and high-efficiency modes
/// are Eaton's normal operation, maintenance bypass is bypass</item>
/// <item>EMP probe (EATON-EMP-MIB): xupsEnvRemoteTemp 6.5 (°C), xupsEnvRemoteHumidity 6.6 (%) → sensor/1</item>
/// </list>
/// </summary>
public sealed class EatonUpsProfile : IDeviceProfile
{
    private const string X = "1.3.6.1.4.1.534.1.";
    private static readonly Oid BatTimeRemaining = Oid.Parse(X + "2.1.0");
    private static readonly Oid BatVoltage = Oid.Parse(X + "2.2.0");
    private static readonly Oid BatCapacity = Oid.Parse(X + "2.4.0");
    private static readonly Oid BatAbmStatus = Oid.Parse(X + "2.5.0");
    private static readonly Oid InputFrequency = Oid.Parse(X + "3.1.0");
    private static readonly Oid InputVoltage = Oid.Parse(X + "3.4.1.2");
    private static readonly Oid InputCurrent = Oid.Parse(X + "3.4.1.3");
    private static readonly Oid InputWatts = Oid.Parse(X + "3.4.1.4");
    private static readonly Oid OutputLoad = Oid.Parse(X + "4.1.0");
    private static readonly Oid OutputFrequency = Oid.Parse(X + "4.2.0");
    private static readonly Oid OutputVoltage = Oid.Parse(X + "4.4.1.2");
    private static readonly Oid OutputCurrent = Oid.Parse(X + "4.4.1.3");
    private static readonly Oid OutputWatts = Oid.Parse(X + "4.4.1.4");
    private static readonly Oid OutputSource = Oid.Parse(X + "4.5.0");
    private static readonly Oid RemoteTemp = Oid.Parse(X + "6.5.0");
    private static readonly Oid RemoteHumidity = Oid.Parse(X + "6.6.0");
    private static readonly Oid TestBatteryStatus = Oid.Parse(X + "8.2.0");

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

        if (t.Number(BatTimeRemaining) is { } seconds && seconds >= 0)
            r.Set(Metrics.BatteryRuntimeMin, Math.Round(seconds / 60.0, 2));
        r.Set(Metrics.BatteryVoltageV, NonNegative(t.Number(BatVoltage)));
        if (t.Number(BatCapacity) is { } capacity && capacity is >= 0 and <= 100)
            r.Set(Metrics.BatteryChargePct, capacity);

        var inputFrequency = NonNegative(t.Number(InputFrequency)) / 10.0;
        foreach (var phase in t.Rows(InputVoltage))
        {
            r.Set(EntityKind.Input, phase, Metrics.VoltageV, NonNegative(t.Number(InputVoltage, phase)));
            r.Set(EntityKind.Input, phase, Metrics.CurrentA, NonNegative(t.Number(InputCurrent, phase)));
            r.Set(EntityKind.Input, phase, Metrics.PowerW, NonNegative(t.Number(InputWatts, phase)));
            r.Set(EntityKind.Input, phase, Metrics.FrequencyHz, inputFrequency);
        }
        var outputFrequency = NonNegative(t.Number(OutputFrequency)) / 10.0;
        foreach (var phase in t.Rows(OutputVoltage))
        {
            r.Set(EntityKind.Output, phase, Metrics.VoltageV, NonNegative(t.Number(OutputVoltage, phase)));
            r.Set(EntityKind.Output, phase, Metrics.CurrentA, NonNegative(t.Number(OutputCurrent, phase)));
            r.Set(EntityKind.Output, phase, Metrics.PowerW, NonNegative(t.Number(OutputWatts, phase)));
            r.Set(EntityKind.Output, phase, Metrics.FrequencyHz, outputFrequency);
        }
        r.Set(Metrics.LoadPct, NonNegative(t.Number(OutputLoad)));

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

        if (t.Number(RemoteTemp) is { } temp && temp > -273)
            r.Set(EntityKind.Sensor, "1", Metrics.TemperatureC, temp);
        if (t.Number(RemoteHumidity) is { } hum && hum is > 0 and <= 100)
            r.Set(EntityKind.Sensor, "1", Metrics.HumidityPct, hum);
    }

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
