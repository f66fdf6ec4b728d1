using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Sensors.Bus;

/// <summary>The I2C buses the configured sensors use, each opened once and shared.</summary>
public sealed class SensorBusRegistry : IDisposable
{
    private readonly Dictionary<int, SensorBus> _buses = [];
    private readonly Func<int, I2cBus> _open;
    private readonly Func<int, BusRecovery?> _recovery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal SensorBusRegistry(Func<int, I2cBus> open, Func<int, BusRecovery?> recovery, TimeProvider time, ILoggerFactory? loggers = null)
    {
        _open = open;
        _recovery = recovery;
        _time = time;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Edge.Sensors");
    }

    /// <summary>This machine: /dev/i2c-N through dotnet/iot, and bus clears through the BCM283x GPIO driver.</summary>
    public static SensorBusRegistry ForThisMachine(TimeProvider time, ILoggerFactory? loggers = null) =>
        new(I2cBus.Create, bus => RaspberryPiRecovery(bus, time), time, loggers);

    internal IReadOnlyCollection<SensorBus> Buses
    {
        get
        {
            lock (_buses)
                return [.. _buses.Values];
        }
    }

    internal SensorBus Get(int busId)
    {
        lock (_buses)
        {
            if (!_buses.TryGetValue(busId, out var bus))
                _buses[busId] = bus = new SensorBus(busId, _open, () => _recovery(busId), _time, _logger);
            return bus;
        }
    }

    /// <summary>
    /// Bus 1 is GPIO2 (SDA, pin 3) and GPIO3 (SCL, pin 5); bus 0 is GPIO0/1 (pins 27/28, the HAT EEPROM bus).
    /// Other buses are overlays on pins this code does not know; they get no bus clear.
    /// </summary>
    private static BusRecovery? RaspberryPiRecovery(int busId, TimeProvider time)
    {
        var (sda, scl) = busId switch
        {
            1 => (2, 3),
            0 => (0, 1),
            _ => (-1, -1),
        };
        if (sda < 0)
            return null;
        var driver = new RaspberryPi3Driver();
        return new BusRecovery(new GpioController(driver), new RaspberryPiI2cPins(driver), time, sda, scl);
    }

    public void Dispose()
    {
        lock (_buses)
        {
            foreach (var bus in _buses.Values)
                bus.Dispose();
            _buses.Clear();
        }
    }
}
