using System.Device.Gpio;
using Edge.Sensors.Bus;
using Edge.Sensors.Configuration;
using Edge.Sensors.Tests.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sensors.Tests.Support;

/// <summary>A Pi with one simulated I2C bus, its GPIO, a fake clock, and the real sensor code on top.</summary>
public sealed class Rig : IDisposable
{
    public Rig()
    {
        Bus = new SimulatedI2cBus(1);
        Pins = new SimulatedI2cPins(Bus.Wire);
        Buses = new SensorBusRegistry(
            _ =>
            {
                Bus.Opened++;
                return Bus;
            },
            _ => new BusRecovery(new GpioController(Pins), Pins, Time),
            Time);
        _loggers = new LoggerFactory([new FakeLoggerProvider(Logs)]);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public SimulatedI2cBus Bus { get; }
    public SimulatedI2cPins Pins { get; }
    public SensorBusRegistry Buses { get; }
    private readonly LoggerFactory _loggers;

    public FakeLogCollector Logs { get; } = new();

    public I2cSensor Sensor(string driver, int? address = null, MuxAddress? mux = null, int? powerPin = null, double offset = 0, string id = "rack-top") =>
        (I2cSensor)SensorFactory.Create(
            new SensorOptions(id, driver, TimeSpan.FromSeconds(10))
            {
                Address = address ?? I2cDrivers.Find(driver)!.DefaultAddress,
                Mux = mux,
                PowerPin = powerPin,
                Offset = offset,
            },
            Time,
            Buses,
            _loggers);

    /// <summary>One poll, as the daemon's poller runs it, then the sensor's interval passes.</summary>
    public ReadingBuffer Poll(I2cSensor sensor)
    {
        var sink = new ReadingBuffer();
        FakeClock.Run(Time, sensor.PollAsync(sink, CancellationToken.None));
        Time.Advance(sensor.Interval);
        return sink;
    }

    public TimeSpan TimedPoll(I2cSensor sensor, ReadingBuffer sink) => FakeClock.Run(Time, sensor.PollAsync(sink, CancellationToken.None));

    public void Dispose()
    {
        Buses.Dispose();
        _loggers.Dispose();
    }
}
