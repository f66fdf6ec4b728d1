using Edge.Core.Configuration;
using Edge.Delivery.Configuration;
using Edge.Display.Configuration;
using Edge.Inventory.Configuration;
using Edge.Sensors.Configuration;
using Edge.Snmp.Configuration;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Configuration;

/// <summary>The whole validated configuration: what each stage runs on.</summary>
public sealed record EdgeConfig(string FilePath, string StateDir, MonitorConfig Monitor, IReadOnlyList<SensorOptions> Sensors, IReadOnlyList<SnmpDeviceOptions> Snmp)
{
    public const string DefaultStatusListen = "127.0.0.1:9464";

    /// <summary>Where <c>/status</c> and <c>/metrics</c> are served (host:port for an HTTP listener prefix), or null for nowhere.</summary>
    public string? StatusListen { get; init; } = DefaultStatusListen;

    public Sources.HeartbeatOptions? Heartbeat { get; init; }

    public IReadOnlyList<Sources.PeerOptions> Peers { get; init; } = [];

    /// <summary>The <c>pagerduty</c> section: connector, routing keys, outbox bounds.</summary>
    public DeliveryOptions Delivery { get; init; } = DeliveryOptions.Default;

    /// <summary>The LCD, or null when the configuration has no <c>display</c>.</summary>
    public DisplayOptions? Display { get; init; }

    /// <summary>The SNMP trap receiver (docs/snmp.md), or null when the configuration has no <c>snmpTraps</c>.</summary>
    public SnmpTrapOptions? SnmpTraps { get; init; }

    /// <summary>The Device42 appliance inventory is read from (docs/inventory.md); null when none is configured.</summary>
    public Device42Options? Device42 { get; init; }

    /// <summary>Maintenance windows: the longest one may still run, and the rack's button if there is one.</summary>
    public MaintenanceOptions Maintenance { get; init; } = MaintenanceOptions.Default;
}
