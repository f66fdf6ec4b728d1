using Edge.Core.Configuration;
using Edge.Inventory.Configuration;
using Edge.Sensors.Configuration;

namespace Edge.Configuration;

/// <summary>The whole validated configuration: what each stage runs on.</summary>
public sealed record EdgeConfig(string FilePath, string StateDir, MonitorConfig Monitor, IReadOnlyList<SensorOptions> Sensors)
{
    /// <summary>The Device42 appliance inventory is read from (docs/inventory.md); null when none is configured.</summary>
    public Device42Options? Device42 { get; init; }
}
