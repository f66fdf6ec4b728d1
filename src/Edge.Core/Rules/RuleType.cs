using System.Collections.Frozen;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using static Edge.Core.Readings.Metrics;

namespace Edge.Core.Rules;

/// <summary>
/// A rule type of spec/rules.md: which entities it can see (by source and entity kind) and which metrics it may test.
/// </summary>
public sealed class RuleType
{
    private readonly (SourceKind Source, EntityKind Kind)[] _sees;

    private RuleType(string name, string sees, (SourceKind, EntityKind)[] seen, string[] metrics, Severity defaultSeverity,
        string? impliedMetric = null, double? impliedAbove = null, double? impliedBelow = null)
    {
        Name = name;
        SeesDescription = sees;
        _sees = seen;
        Metrics = metrics.ToFrozenSet(StringComparer.Ordinal);
        DefaultSeverity = defaultSeverity;
        ImpliedMetric = impliedMetric;
        ImpliedAbove = impliedAbove;
        ImpliedBelow = impliedBelow;
    }

    public string Name { get; }

    /// <summary>What the type looks at, in words, for validation messages.</summary>
    public string SeesDescription { get; }

    public FrozenSet<string> Metrics { get; }
    public Severity DefaultSeverity { get; }

    /// <summary>The metric of a type that tests only one (power-unit-offline: reachable).</summary>
    public string? ImpliedMetric { get; }

    /// <summary>The condition of a type with an implied metric when the rule states none (e.g. installed above 0).</summary>
    public double? ImpliedAbove { get; }

    /// <summary>See <see cref="ImpliedAbove"/> (e.g. reachable below 1).</summary>
    public double? ImpliedBelow { get; }

    public bool Sees(SourceKind source, EntityKind kind) => Array.IndexOf(_sees, (source, kind)) >= 0;

    public bool SeesAnyOf(SourceKind source) => _sees.Any(s => s.Source == source);

    public bool SeesKind(EntityKind kind) => _sees.Any(s => s.Kind == kind);

    public static readonly RuleType Sensor = new("sensor", "local sensors and PDU/UPS-attached sensors (DEVICE/sensor/N)",
        [(SourceKind.LocalSensor, EntityKind.Device), (SourceKind.SnmpDevice, EntityKind.Sensor)],
        [TemperatureC, HumidityPct, DewPointC, PressureHpa, Readings.Metrics.Contact, Reachable], Severity.Warning);

    public static readonly RuleType Infeed = new("infeed", "PDU inlets, infeeds and phases (DEVICE/inlet/N, DEVICE/phase/N, DEVICE/input/N)",
        [(SourceKind.SnmpDevice, EntityKind.Inlet), (SourceKind.SnmpDevice, EntityKind.Phase), (SourceKind.SnmpDevice, EntityKind.Input)],
        [PowerW, CurrentA, VoltageV, LoadPct, ApparentPowerVa, EnergyKwh, FrequencyHz], Severity.Warning);

    public static readonly RuleType Bank = new("bank", "PDU banks, branches, breakers and groups (DEVICE/bank/N)",
        [(SourceKind.SnmpDevice, EntityKind.Bank)],
        [CurrentA, PowerW, LoadPct, ApparentPowerVa, VoltageV, EnergyKwh], Severity.Warning);

    public static readonly RuleType Ups = new("ups", "UPS devices and their inputs, outputs and batteries (DEVICE, DEVICE/input/N, DEVICE/output/N, DEVICE/battery/N)",
        [(SourceKind.SnmpDevice, EntityKind.Device), (SourceKind.SnmpDevice, EntityKind.Input), (SourceKind.SnmpDevice, EntityKind.Output), (SourceKind.SnmpDevice, EntityKind.Battery)],
        [OutputSource, BatteryStatus, ReplaceBattery, UpsTest, LostOnBattery, BatteryChargePct, BatteryRuntimeMin, BatteryVoltageV, BatteryTemperatureC,
         VoltageV, CurrentA, LoadPct, PowerW, FrequencyHz], Severity.Critical);

    public static readonly RuleType PowerUnitOffline = new("power-unit-offline", "SNMP devices (PDUs and UPSes) by their id",
        [(SourceKind.SnmpDevice, EntityKind.Device)],
        [Reachable], Severity.Critical, impliedMetric: Reachable, impliedBelow: 1);

    // The inventory types of Device42's integration, read from its API by the inventory source.

    public static readonly RuleType SoftwareCount = new("software-count", "software titles in Device42 (software/NAME)",
        [(SourceKind.Inventory, EntityKind.Software)],
        [Count, LicenseUsePct], Severity.Warning);

    // A finding is an (software, device) pair; "installed" is 1 while Device42 lists it and 0 once it is gone.
    public static readonly RuleType ProhibitedSoftware = new("prohibited-software", "prohibited software found on a device (prohibited/SOFTWARE/DEVICE)",
        [(SourceKind.Inventory, EntityKind.Prohibited)],
        [Installed], Severity.Warning, impliedMetric: Installed, impliedAbove: 0);

    public static readonly RuleType OsCount = new("os-count", "operating systems in Device42 (os/NAME)",
        [(SourceKind.Inventory, EntityKind.Os)],
        [Count, LicenseUsePct, Unlicensed], Severity.Warning);

    public static readonly RuleType Subnet = new("subnet", "subnets in Device42 (subnet/NETWORK/BITS, subnet/VRF/NETWORK/BITS)",
        [(SourceKind.Inventory, EntityKind.Subnet)],
        [UsedPct], Severity.Warning);

    public static readonly RuleType PartModel = new("part-model", "part models in Device42 (partmodel/NAME)",
        [(SourceKind.Inventory, EntityKind.PartModel)],
        [Available, AvailablePct], Severity.Warning);

    // The appliance itself: its licence, and whether Edge can read it at all (a failed read is not a value).
    public static readonly RuleType LicenseExpiry = new("license-expiry", "the Device42 appliance itself (device42)",
        [(SourceKind.Inventory, EntityKind.Device)],
        [DaysLeft, Reachable], Severity.Warning);

    public static readonly RuleType PeerOffline = new("peer-offline", "watched peer appliances by their id",
        [(SourceKind.Peer, EntityKind.Device)],
        [Reachable], Severity.Critical, impliedMetric: Reachable, impliedBelow: 1);

    public static readonly FrozenDictionary<string, RuleType> All =
        new[] { Sensor, Infeed, Bank, Ups, PowerUnitOffline, PeerOffline, SoftwareCount, ProhibitedSoftware, OsCount, Subnet, PartModel, LicenseExpiry }
            .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public override string ToString() => Name;
}
