using Edge.Core.Sources;
using Edge.Sensors.Configuration;
using Edge.Sensors.Hwmon;
using Edge.Sensors.Simulated;

namespace Edge.Sensors;

/// <summary>Builds the source for a configured sensor's driver.</summary>
public static class SensorFactory
{
    public static IReadingSource Create(SensorOptions options, TimeProvider time) => options.Driver switch
    {
        "hwmon" => new HwmonSensor(options.Id, options.Path!, options.Interval, options.Offset, time),
        "simulated" => new SimulatedSensor(options.Id, options.Interval, options.BaseTemperature, time, seed: options.Id.Length),
        _ => throw new ArgumentException($"unknown sensor driver '{options.Driver}'", nameof(options)),
    };
}
