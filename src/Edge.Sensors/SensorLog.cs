using Microsoft.Extensions.Logging;

namespace Edge.Sensors;

/// <summary>Every log message of the sensors, with a stable event id (4000–4099, see LogEventRanges). One line per change of state, never per poll.</summary>
internal static partial class SensorLog
{
    [LoggerMessage(4000, LogLevel.Warning, "Sensor {Sensor} ({Chip} on bus {Bus} at 0x{Address:x2}) unreachable after {Failures} failed polls: {Status} {Error}")]
    public static partial void Unreachable(ILogger logger, string sensor, string chip, int bus, int address, int failures, Chips.ChipStatus status, string error);

    [LoggerMessage(4001, LogLevel.Information, "Sensor {Sensor} reachable again")]
    public static partial void Reachable(ILogger logger, string sensor);

    [LoggerMessage(4002, LogLevel.Warning, "Sensor {Sensor}: rejected an implausible {Metric} of {Value} ({Reason}); {Rejected} rejected so far; further rejections are counted, not logged, until a poll is accepted")]
    public static partial void Rejected(ILogger logger, string sensor, string metric, double value, string reason, long rejected);

    [LoggerMessage(4010, LogLevel.Warning, "I2C bus {Bus} was stuck (SDA held low): cleared with {Clocks} clock pulses and a STOP; {Recoveries} recoveries so far")]
    public static partial void BusCleared(ILogger logger, int bus, int clocks, long recoveries);

    [LoggerMessage(4011, LogLevel.Error, "I2C bus {Bus} is stuck (SDA held low after 9 clock pulses and a power cycle where configured); check the wiring and the sensors' supply")]
    public static partial void BusStillStuck(ILogger logger, int bus);

    [LoggerMessage(4012, LogLevel.Warning, "I2C bus {Bus}: power-cycled the sensor supply on GPIO {Pins}")]
    public static partial void PowerCycled(ILogger logger, int bus, string pins);

    [LoggerMessage(4013, LogLevel.Warning, "I2C bus {Bus}: no GPIO access for bus recovery or power pins: {Error}")]
    public static partial void GpioUnavailable(ILogger logger, int bus, string error);
}
