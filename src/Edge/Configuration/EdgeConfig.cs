using Edge.Core.Configuration;
using Edge.Delivery.Configuration;
using Edge.Sensors.Configuration;

namespace Edge.Configuration;

/// <summary>The whole validated configuration: what each stage runs on.</summary>
public sealed record EdgeConfig(string FilePath, string StateDir, MonitorConfig Monitor, IReadOnlyList<SensorOptions> Sensors)
{
    /// <summary>The <c>pagerduty</c> section: connector, routing keys, outbox bounds.</summary>
    public DeliveryOptions Delivery { get; init; } = DeliveryOptions.Default;
}
