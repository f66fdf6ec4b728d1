using System.Device.I2c;
using System.Runtime.CompilerServices;
using Iot.Device.Tca954x;
using Microsoft.Extensions.Logging;

namespace Edge.Sensors.Bus;

/// <summary>
/// One I2C bus (/dev/i2c-N) shared by every sensor on it: one reader at a time (a command/response chip breaks if
/// another transaction lands between its command and its read), one <see cref="Tca9548A"/> per multiplexer (the
/// binding caches the selected channel, so two instances for one mux would select the wrong channel), and the
/// bus's health: consecutive failures across all its sensors, bus clears and power cycles.
/// </summary>
internal sealed class SensorBus : IDisposable
{
    /// <summary>Consecutive failed measurements, across every sensor on the bus, before the lines are checked.</summary>
    public const int StuckAfterFailures = 3;

    /// <summary>After a check found both lines high, the next check waits this long: an absent chip is not a stuck bus.</summary>
    public static readonly TimeSpan IdleCheckHoldOff = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<int, I2cBus> _open;
    private readonly Func<BusRecovery?> _recoveryFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<(int Address, MuxAddress? Mux), I2cDevice> _devices = [];
    private readonly Dictionary<int, Tca9548A> _muxes = [];
    private readonly List<int> _powerPins = [];
    private I2cBus? _bus;
    private BusRecovery? _recovery;
    private bool _recoveryResolved;
    private int _consecutiveFailures;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;
    private long _clears;
    private long _powerCycles;

    public SensorBus(int busId, Func<int, I2cBus> open, Func<BusRecovery?> recoveryFactory, TimeProvider time, ILogger logger)
    {
        BusId = busId;
        _open = open;
        _recoveryFactory = recoveryFactory;
        _time = time;
        _logger = logger;
    }

    public int BusId { get; }

    /// <summary>Changes whenever the bus was reopened: every sensor must re-create and re-initialize its chip.</summary>
    public int Generation { get; private set; }

    /// <summary>Bus clears that freed a stuck bus (shown by <c>edge status</c>).</summary>
    public long Recoveries => Interlocked.Read(ref _clears);

    /// <summary>Power cycles of the sensors' supply through their <c>powerPin</c>s.</summary>
    public long PowerCycles => Interlocked.Read(ref _powerCycles);

    public Task WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    public void Release() => _gate.Release();

    /// <summary>A sensor's supply switch (<c>powerPin</c>): switched on now where GPIO is available, and cycled when the bus stays stuck.</summary>
    public void AddPowerPin(int pin)
    {
        _powerPins.Add(pin);
        try
        {
            Recovery()?.PowerPin(pin, System.Device.Gpio.PinValue.High);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            SensorLog.GpioUnavailable(_logger, BusId, e.Message);
        }
    }

    /// <summary>The device at an address, directly on the bus or behind a multiplexer channel. Hold the bus.</summary>
    public I2cDevice Device(int address, MuxAddress? mux)
    {
        if (_devices.TryGetValue((address, mux), out var device))
            return device;
        var bus = _bus ??= _open(BusId);
        if (mux is { } m)
        {
            if (!_muxes.TryGetValue(m.Address, out var tca))
                _muxes[m.Address] = tca = new Tca9548A(bus.CreateDevice(m.Address), bus);
            device = tca.GetChannel(m.Channel).CreateDevice(address);
        }
        else
        {
            device = bus.CreateDevice(address);
        }
        _devices[(address, mux)] = device;
        return device;
    }

    public void ReportSuccess() => _consecutiveFailures = 0;

    /// <summary>Counts a failed measurement; true when the bus itself should be checked (<see cref="RecoverAsync"/>).</summary>
    public bool ReportFailure() => ++_consecutiveFailures >= StuckAfterFailures && _time.GetUtcNow() >= _nextCheck;

    /// <summary>
    /// Checks the lines and clears a stuck bus, power-cycling the sensors if clocking does not free it, then reopens
    /// the bus so the next transaction starts on a fresh controller state. Hold the bus.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<BusClearResult> RecoverAsync(CancellationToken cancellationToken)
    {
        _consecutiveFailures = 0;
        var recovery = Recovery();
        if (recovery is null)
        {
            _nextCheck = _time.GetUtcNow() + IdleCheckHoldOff;
            return BusClearResult.Unavailable;
        }
        CloseBus();
        BusClearResult result;
        try
        {
            result = recovery.Clear();
            if (result == BusClearResult.StillStuck && _powerPins.Count > 0)
            {
                await recovery.PowerCycleAsync(_powerPins, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _powerCycles);
                SensorLog.PowerCycled(_logger, BusId, string.Join(",", _powerPins));
                result = recovery.Clear();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or NotSupportedException or PlatformNotSupportedException)
        {
            // E.g. a Pi 5, whose RP1 GPIOs the BCM283x driver cannot switch back to I2C: no bus clears from now on.
            SensorLog.GpioUnavailable(_logger, BusId, e.Message);
            _recovery = null;
            _nextCheck = _time.GetUtcNow() + IdleCheckHoldOff;
            return BusClearResult.Unavailable;
        }
        if (result == BusClearResult.Cleared)
        {
            Interlocked.Increment(ref _clears);
            SensorLog.BusCleared(_logger, BusId, recovery.LastClocks, Recoveries);
        }
        else if (result == BusClearResult.StillStuck)
        {
            SensorLog.BusStillStuck(_logger, BusId);
        }
        if (result == BusClearResult.Idle)
            _nextCheck = _time.GetUtcNow() + IdleCheckHoldOff;
        return result;
    }

    /// <summary>Power-cycles one sensor that stays unreachable while the bus works. Hold the bus.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> PowerCycleAsync(int pin, CancellationToken cancellationToken)
    {
        if (Recovery() is not { } recovery)
            return false;
        await recovery.PowerCycleAsync([pin], cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _powerCycles);
        SensorLog.PowerCycled(_logger, BusId, pin.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CloseBus();
        return true;
    }

    private BusRecovery? Recovery()
    {
        if (!_recoveryResolved)
        {
            _recoveryResolved = true;
            try
            {
                _recovery = _recoveryFactory();
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException or UnauthorizedAccessException or NotSupportedException)
            {
                SensorLog.GpioUnavailable(_logger, BusId, e.Message);
            }
        }
        return _recovery;
    }

    private void CloseBus()
    {
        foreach (var device in _devices.Values)
            device.Dispose();
        _devices.Clear();
        foreach (var mux in _muxes.Values)
            mux.Dispose();
        _muxes.Clear();
        _bus?.Dispose();
        _bus = null;
        Generation++;
    }

    public void Dispose()
    {
        CloseBus();
        _recovery?.Dispose();
        _gate.Dispose();
    }
}
