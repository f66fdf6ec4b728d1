using Edge.Core.Configuration;

namespace Edge.Sensors.Configuration;

/// <summary>One configured sensor (interfaces.md, <c>sensors[]</c>). Driver-specific settings are null where unused.</summary>
public sealed record SensorOptions(string Id, string Driver, TimeSpan Interval)
{
    /// <summary>hwmon: the hwmon directory, e.g. /sys/class/hwmon/hwmon2.</summary>
    public string? Path { get; init; }

    /// <summary>Added to every temperature read, to calibrate against a reference thermometer.</summary>
    public double Offset { get; init; }

    /// <summary>simulated: the temperature the simulation drifts around, in °C.</summary>
    public double BaseTemperature { get; init; } = 24;

    /// <summary>Series a sensor can produce: temperature, humidity, dew point, pressure, reachable.</summary>
    public const int MaxSeries = 5;

    public SourceDescriptor Descriptor => new(Id, SourceKind.LocalSensor, Interval, MaxSeries);
}
