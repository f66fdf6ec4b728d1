using System.Device.Gpio;
using Edge.Configuration;
using Edge.Core.Maintenance;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// The rack's maintenance push button (<c>maintenanceButton</c>): wired from its GPIO to GND with the internal
/// pull-up, so pressed reads low. Polled every <see cref="PollEvery"/> and debounced: a level counts once it has held
/// for <see cref="Debounce"/>. A press, on release, starts an appliance-wide window of the configured duration, or
/// adds that duration to the open one (never past maintenance.maxDuration from now); held for
/// <see cref="LongPress"/> it ends the appliance-wide window at once. The optional LED is lit while any window is
/// open. Writes go to the same database as <c>edge maintenance</c>, where the evaluate stage picks them up.
/// </summary>
public sealed class MaintenanceButton(Func<GpioController> openGpio, MaintenanceButtonOptions options, TimeSpan maxDuration, OutboxStore store, TimeProvider time,
    ILogger<MaintenanceButton> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    // Push-button contacts bounce for up to a few milliseconds (Ganssle, "A Guide to Debouncing", measured 1.5 ms
    // average, 6.2 ms worst of 18 switches); 50 ms is well past that and still feels instant.
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan LongPress = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LedEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private GpioController? _gpio;
    private ITimer? _timer;
    private bool _raw;
    private DateTimeOffset _rawSince;
    private bool _pressed;
    private DateTimeOffset _pressedSince;
    private bool _longPressDone;
    private bool? _led;
    private DateTimeOffset _ledCheckedAt = DateTimeOffset.MinValue;

    private string Who => $"button GPIO{options.Pin}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var gpio = openGpio();
            gpio.OpenPin(options.Pin, PinMode.InputPullUp);
            if (options.LedPin is { } led)
                gpio.OpenPin(led, PinMode.Output, PinValue.Low);
            _gpio = gpio;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException or ArgumentException or DllNotFoundException)
        {
            Log.ButtonUnavailable(logger, options.Pin, e.Message);
            return Task.CompletedTask;
        }
        _timer = time.CreateTimer(_ => Poll(), null, PollEvery, PollEvery);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        return Task.CompletedTask;
    }

    /// <summary>One look at the pin: debounce, then a long press as soon as it has lasted, a short one on release.</summary>
    public void Poll()
    {
        lock (_gate)
        {
            if (_gpio is not { } gpio)
                return;
            var now = time.GetUtcNow();
            var level = gpio.Read(options.Pin) == PinValue.Low;
            if (level != _raw)
            {
                _raw = level;
                _rawSince = now;
            }
            if (_raw != _pressed && now - _rawSince >= Debounce)
            {
                _pressed = _raw;
                if (_pressed)
                {
                    _pressedSince = _rawSince;
                    _longPressDone = false;
                }
                else if (!_longPressDone)
                {
                    ShortPress(now);
                }
            }
            if (_pressed && !_longPressDone && now - _pressedSince >= LongPress)
            {
                _longPressDone = true;
                EndWindows();
            }
            if (now - _ledCheckedAt >= LedEvery)
                UpdateLed(now);
        }
    }

    private void ShortPress(DateTimeOffset now)
    {
        try
        {
            var open = store.MaintenanceWindows(now).FirstOrDefault(w => w.IsOpenAt(now) && w.IsApplianceWide);
            if (open is null)
            {
                var window = store.StartMaintenance(Selector.All, [], options.Duration, "maintenance button pressed at the rack", Who);
                Log.ButtonStarted(logger, window.Id, window.End);
            }
            else
            {
                // Never further than the maximum from now: a button pressed ten times still lets the window end.
                var end = open.End + options.Duration;
                if (end - now > maxDuration)
                    end = now + maxDuration;
                store.SetMaintenanceEnd(open.Id, end);
                Log.ButtonExtended(logger, open.Id, end);
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            Log.ButtonFailed(logger, e.Message);
        }
        UpdateLed(now);
    }

    private void EndWindows()
    {
        var now = time.GetUtcNow();
        try
        {
            foreach (var window in store.MaintenanceWindows(now).Where(w => w.IsOpenAt(now) && w.IsApplianceWide))
            {
                store.SetMaintenanceEnd(window.Id, now, Who);
                Log.ButtonEnded(logger, window.Id);
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            Log.ButtonFailed(logger, e.Message);
        }
        UpdateLed(now);
    }

    private void UpdateLed(DateTimeOffset now)
    {
        _ledCheckedAt = now;
        if (options.LedPin is not { } led)
            return;
        bool on;
        try
        {
            on = store.MaintenanceWindows(now).Any(w => w.IsOpenAt(now));
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return;
        }
        if (on == _led)
            return;
        _led = on;
        _gpio?.Write(led, on ? PinValue.High : PinValue.Low);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _gpio?.Dispose();
    }
}
