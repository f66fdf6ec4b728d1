using Edge.Core.Configuration;
using Edge.Display.Configuration;
using Edge.Sensors.Configuration;

namespace Edge.Configuration;

/// <summary>The whole validated configuration: what each stage runs on.</summary>
public sealed record EdgeConfig(string FilePath, string StateDir, MonitorConfig Monitor, IReadOnlyList<SensorOptions> Sensors)
{
    /// <summary>The LCD, or null when the configuration has no <c>display</c>.</summary>
    public DisplayOptions? Display { get; init; }
}
