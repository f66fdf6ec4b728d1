using Edge.Core.Configuration;
using Edge.Sensors.Bus;

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

    /// <summary>I2C drivers: the bus number N of /dev/i2c-N (1 on a Pi's header).</summary>
    public int Bus { get; init; } = 1;

    /// <summary>I2C drivers: the 7-bit address (the driver's default when not configured).</summary>
    public int Address { get; init; }

    /// <summary>I2C drivers: the TCA9548A channel the sensor sits behind, if any.</summary>
    public MuxAddress? Mux { get; init; }

    /// <summary>I2C drivers: a GPIO (BCM numbering) that switches the sensor's supply, active high.</summary>
    public int? PowerPin { get; init; }

    public bool IsI2c => I2cDrivers.Find(Driver) is not null;

    /// <summary>Series a sensor can produce: temperature, humidity, dew point, pressure, reachable.</summary>
    public const int MaxSeries = 5;

    public SourceDescriptor Descriptor => new(Id, SourceKind.LocalSensor, Interval, MaxSeries);
}
