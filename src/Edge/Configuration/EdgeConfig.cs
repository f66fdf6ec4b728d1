using Edge.Core.Configuration;
using Edge.Delivery.Configuration;
using Edge.Sensors.Configuration;

namespace Edge.Configuration;

/// <summary>The whole validated configuration: what each stage runs on.</summary>
public sealed record EdgeConfig(string FilePath, string StateDir, MonitorConfig Monitor, IReadOnlyList<SensorOptions> Sensors)
{
    public const string DefaultStatusListen = "127.0.0.1:9464";

    /// <summary>Where <c>/status</c> and <c>/metrics</c> are served (host:port for an HTTP listener prefix), or null for nowhere.</summary>
    public string? StatusListen { get; init; } = DefaultStatusListen;

    public Watch.HeartbeatOptions? Heartbeat { get; init; }

    public IReadOnlyList<Watch.PeerOptions> Peers { get; init; } = [];

    /// <summary>The <c>pagerduty</c> section: connector, routing keys, outbox bounds.</summary>
    public DeliveryOptions Delivery { get; init; } = DeliveryOptions.Default;
}
