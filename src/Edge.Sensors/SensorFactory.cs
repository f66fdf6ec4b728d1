using System.Device.I2c;
using Edge.Core.Sources;
using Edge.Sensors.Bus;
using Edge.Sensors.Chips;
using Edge.Sensors.Configuration;
using Edge.Sensors.Hwmon;
using Edge.Sensors.Simulated;
using Edge.Sensors.Timing;
using Microsoft.Extensions.Logging;

namespace Edge.Sensors;

/// <summary>Builds the source for a configured sensor's driver.</summary>
public static class SensorFactory
{
    public static IReadingSource Create(SensorOptions options, TimeProvider time, SensorBusRegistry? buses = null, ILoggerFactory? loggers = null) => options.Driver switch
    {
        "hwmon" => new HwmonSensor(options.Id, options.Path!, options.Interval, options.Offset, time),
        "simulated" => new SimulatedSensor(options.Id, options.Interval, options.BaseTemperature, time, seed: options.Id.Length),
        _ when options.IsI2c => new I2cSensor(
            options,
            (buses ?? throw new ArgumentNullException(nameof(buses), "I2C sensors need the bus registry")).Get(options.Bus),
            Chip(options.Driver),
            time,
            loggers?.CreateLogger<I2cSensor>()),
        _ => throw new ArgumentException($"unknown sensor driver '{options.Driver}'", nameof(options)),
    };

    /// <summary>The chip driver behind a configured I2C driver name.</summary>
    internal static Func<I2cDevice, ReusableDelay, IClimateChip> Chip(string driver) => driver switch
    {
        "sht3x" => static (device, delay) => new Sht3xChip(device, delay),
        "sht4x" => static (device, delay) => new Sht4xChip(device, delay),
        "shtc3" => static (device, delay) => new Shtc3Chip(device, delay),
        "bme280" => static (device, delay) => new Bme280Chip(device, delay),
        "si7021" => static (device, delay) => new Si7021Chip(device, delay),
        "htu21d" => static (device, delay) => new Si7021Chip(device, delay, htu21d: true),
        "aht20" => static (device, delay) => new Aht20Chip(device, delay),
        _ => throw new ArgumentException($"'{driver}' is not an I2C driver", nameof(driver)),
    };
}
