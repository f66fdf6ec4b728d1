using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Sensors.Bus;
using Edge.Sensors.Chips;
using Edge.Sensors.Configuration;
using Edge.Sensors.Health;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Sensors;

/// <summary>
/// A temperature/humidity chip on an I2C bus as a reading source. One poll is one single-shot measurement, retried
/// with back-off on bus errors while holding the bus only during each try. A poll without a good measurement writes
/// nothing; <see cref="UnreachableAfterPolls"/> of them in a row write <c>reachable</c> = 0 (and power-cycle the
/// chip where it has a <c>powerPin</c>). A value outside the chip's range or moving faster than air can is rejected
/// and counted (logged once per streak of polls with rejections). Once warmed up, a poll allocates nothing.
/// </summary>
public sealed class I2cSensor : IReadingSource, IDisposable
{
    public const int UnreachableAfterPolls = 3;
    public const int MaxAttempts = 4;

    /// <summary>
    /// Single-shot measurements at most once a second: Sensirion's self-heating guidance (SHT3x application note on
    /// self-heating: keep the measurement duty cycle low) and the AHT20 datasheet's own "no more than once per second".
    /// </summary>
    public static readonly TimeSpan MinSpacing = TimeSpan.FromSeconds(1);

    private readonly SensorOptions _options;
    private readonly SensorBus _bus;
    private readonly Func<I2cDevice, ReusableDelay, IClimateChip> _chipFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReusableDelay _delay;
    private readonly RateLimit _temperature = RateLimit.Temperature();
    private readonly RateLimit _humidity = RateLimit.Humidity();
    private readonly RateLimit _pressure = RateLimit.Pressure();
    private IClimateChip? _chip;
    private int _generation = -1;
    private ChipLimits _limits = new(-40, 125);
    private DateTimeOffset _lastMeasurement = DateTimeOffset.MinValue;

    // A chip stuck out of range is rejected every poll: only the first rejection of a streak is logged (SD-card
    // writes are budgeted: one log line per event, not per poll), the rest are counted for edge status. A poll with every value accepted ends it.
    private bool _rejectionLogged;
    private bool _rejectedThisPoll;

    internal I2cSensor(SensorOptions options, SensorBus bus, Func<I2cDevice, ReusableDelay, IClimateChip> chipFactory, TimeProvider time, ILogger? logger = null)
    {
        _options = options;
        _bus = bus;
        _chipFactory = chipFactory;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _delay = new ReusableDelay(time);
        if (options.PowerPin is { } pin)
            bus.AddPowerPin(pin);
    }

    public string Id => _options.Id;
    public TimeSpan Interval => _options.Interval;
    internal SensorBus Bus => _bus;
    public SensorCounters Counters { get; } = new();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
    {
        _rejectedThisPoll = false;
        var sinceLast = _time.GetUtcNow() - _lastMeasurement;
        if (sinceLast < MinSpacing)
            await _delay.WaitAsync(MinSpacing - sinceLast, cancellationToken).ConfigureAwait(false);

        var reading = ChipReading.Failed(ChipStatus.BusError);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                Counters.Retry();
                await _delay.WaitAsync(Backoff.BeforeRetry(attempt), cancellationToken).ConfigureAwait(false);
            }
            await _bus.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                reading = await MeasureAsync(cancellationToken).ConfigureAwait(false);
                if (reading.IsOk)
                {
                    _bus.ReportSuccess();
                }
                else
                {
                    Counters.FailedAttempt();
                    if (_bus.ReportFailure())
                        await _bus.RecoverAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _bus.Release();
            }
            if (reading.IsOk)
                break;
        }
        _lastMeasurement = _time.GetUtcNow();

        if (reading.IsOk)
            Publish(sink, reading, _lastMeasurement);
        else
            await FailedAsync(sink, reading.Status, cancellationToken).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_chip is null || _generation != _bus.Generation)
            {
                _chip = null;
                var chip = _chipFactory(_bus.Device(_options.Address, _options.Mux), _delay);
                _generation = _bus.Generation;
                var status = await chip.InitializeAsync(cancellationToken).ConfigureAwait(false);
                if (status != ChipStatus.Ok)
                    return ChipReading.Failed(status);
                _chip = chip;
                _limits = chip.Limits;
            }
            var reading = await _chip.MeasureAsync(cancellationToken).ConfigureAwait(false);
            if (reading.IsOk && !_limits.TemperatureInRange(reading.TemperatureC))
            {
                // Every chip measures temperature; when it is impossible the whole frame is garbage, humidity included.
                RejectedValue(Metrics.TemperatureC, reading.TemperatureC, "outside the chip's range");
                reading = ChipReading.Failed(ChipStatus.Implausible);
            }
            if (!reading.IsOk)
                _chip = null; // re-initialize before the next try: the chip may have reset or be half-way through a command
            return reading;
        }
        catch (IOException e)
        {
            _chip = null;
            Counters.LastError = e.Message;
            return ChipReading.Failed(I2cErrors.IsNack(e) ? ChipStatus.Nack : ChipStatus.BusError);
        }
    }

    private void Publish(IReadingSink sink, ChipReading reading, DateTimeOffset now)
    {
        if (Counters.ConsecutiveFailedPolls >= UnreachableAfterPolls)
            SensorLog.Reachable(_logger, Id);
        Counters.ConsecutiveFailedPolls = 0;
        Counters.LastStatus = ChipStatus.Ok;
        Counters.Reading();

        if (Plausible(Metrics.TemperatureC, reading.TemperatureC, inRange: true, _temperature, now))
            sink.Write(new Reading(Id, Metrics.TemperatureC, Math.Round(reading.TemperatureC + _options.Offset, 2), now));
        if (!double.IsNaN(reading.HumidityPct) && Plausible(Metrics.HumidityPct, reading.HumidityPct, ChipLimits.HumidityInRange(reading.HumidityPct), _humidity, now))
            sink.Write(new Reading(Id, Metrics.HumidityPct, Math.Round(reading.HumidityPct, 2), now));
        if (!double.IsNaN(reading.PressureHpa) && Plausible(Metrics.PressureHpa, reading.PressureHpa, _limits.PressureInRange(reading.PressureHpa), _pressure, now))
            sink.Write(new Reading(Id, Metrics.PressureHpa, Math.Round(reading.PressureHpa, 2), now));
        sink.Write(new Reading(Id, Metrics.Reachable, 1, now));
        if (!_rejectedThisPoll)
            _rejectionLogged = false;
    }

    private bool Plausible(string metric, double value, bool inRange, RateLimit rate, DateTimeOffset now)
    {
        if (inRange && rate.Accept(value, now))
            return true;
        RejectedValue(metric, value, inRange ? "changed faster than air can" : "outside the chip's range");
        return false;
    }

    private void RejectedValue(string metric, double value, string reason)
    {
        var rejected = Counters.Reject();
        _rejectedThisPoll = true;
        if (_rejectionLogged)
            return;
        _rejectionLogged = true;
        SensorLog.Rejected(_logger, Id, metric, value, reason, rejected);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FailedAsync(IReadingSink sink, ChipStatus status, CancellationToken cancellationToken)
    {
        var failed = ++Counters.ConsecutiveFailedPolls;
        Counters.LastStatus = status;
        if (failed < UnreachableAfterPolls)
            return;
        sink.Write(new Reading(Id, Metrics.Reachable, 0, _time.GetUtcNow()));
        if (failed == UnreachableAfterPolls)
            SensorLog.Unreachable(_logger, Id, _options.Driver, _options.Bus, _options.Address, failed, status, Counters.LastError ?? "");
        if (_options.PowerPin is { } pin && failed % UnreachableAfterPolls == 0)
        {
            await _bus.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (await _bus.PowerCycleAsync(pin, cancellationToken).ConfigureAwait(false))
                    Counters.PowerCycle();
                _chip = null;
            }
            finally
            {
                _bus.Release();
            }
        }
    }

    public void Dispose() => _delay.Dispose();
}
