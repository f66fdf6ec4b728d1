using System.Device.Gpio;
using Edge.Configuration;
using Edge.Core.Maintenance;
using Edge.Delivery.Outbox;
using Edge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Maintenance;

/// <summary>
/// The rack's maintenance button over a simulated GPIO driver and the real state database, on the fake clock:
/// polled every 10 ms, debounced over 50 ms; a press starts or extends an appliance-wide window, a 3 s press ends it.
/// </summary>
public sealed class MaintenanceButtonTests : IDisposable
{
    private const int ButtonPin = 17;
    private const int LedPin = 27;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly SimulatedButtonPins _pins = new(ButtonPin);
    private readonly OutboxStore _store;
    private readonly MaintenanceButton _button;

    public MaintenanceButtonTests()
    {
        _store = OutboxStore.Open(_dir.Path, _time);
        _button = new MaintenanceButton(() => new GpioController(_pins), new MaintenanceButtonOptions(ButtonPin, Hour, LedPin), TimeSpan.FromHours(8),
            _store, _time, NullLogger<MaintenanceButton>.Instance);
        _button.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private IReadOnlyList<MaintenanceWindow> Open => _store.MaintenanceWindows(_time.GetUtcNow()).Where(w => w.IsOpenAt(_time.GetUtcNow())).ToList();

    private bool LedLit => _pins.Latch(LedPin) == PinValue.High;

    /// <summary>Holds the contact as given for a while, the poll timer running in its 10 ms steps.</summary>
    private void Hold(bool pressed, TimeSpan howLong)
    {
        _pins.Pressed = pressed;
        for (var t = TimeSpan.Zero; t < howLong; t += 10 * Ms)
            _time.Advance(10 * Ms);
    }

    /// <summary>A press as a finger makes it: the contact bounces 30 ms on closing and on opening.</summary>
    private void Press(TimeSpan held)
    {
        Bounce();
        Hold(true, held);
        Bounce();
        Hold(false, 200 * Ms);
    }

    private void Bounce()
    {
        for (var i = 0; i < 3; i++)
            Hold(i % 2 == 0, 10 * Ms);
    }

    [Fact]
    public void The_button_pin_is_an_input_with_its_pull_up_and_the_led_an_output_off()
    {
        Assert.Equal(PinMode.InputPullUp, _pins.ModeOf(ButtonPin));
        Hold(false, TimeSpan.FromSeconds(2));
        Assert.Equal(PinValue.Low, _pins.Latch(LedPin));
    }

    [Fact]
    public void Contact_bounce_shorter_than_the_debounce_time_is_no_press()
    {
        for (var i = 0; i < 20; i++)
            Hold(i % 2 == 0, 20 * Ms);
        Hold(false, TimeSpan.FromSeconds(2));

        Assert.Empty(Open);
        Assert.False(LedLit);
    }

    [Fact]
    public void A_short_press_starts_one_appliance_wide_window_of_the_configured_duration_and_lights_the_led()
    {
        Press(300 * Ms);

        var window = Assert.Single(Open);
        Assert.True(window.IsApplianceWide);
        Assert.Equal("button GPIO17", window.StartedBy);
        // The contact settles closed at 20 ms and, after 300 ms held and 30 ms of bounce, open at 360 ms. The poll at
        // 370 ms first sees it open; it has stayed open the 50 ms of debounce at the poll of 420 ms: the press counts then.
        var released = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero) + 420 * Ms;
        Assert.Equal(released + Hour, window.End);
        Assert.True(LedLit);
    }

    [Fact]
    public void A_press_while_the_window_is_open_adds_one_duration_to_it_but_never_past_the_maximum_from_now()
    {
        Press(300 * Ms);
        var first = Assert.Single(Open);

        Press(300 * Ms);
        Assert.Equal(first.End + Hour, Assert.Single(Open).End);

        // Eight more presses: 1 h + 9 h asked, but 8 h from now (maintenance.maxDuration) is the most a window may have left.
        for (var i = 0; i < 8; i++)
            Press(300 * Ms);
        var window = Assert.Single(Open);
        Assert.InRange(window.End - _time.GetUtcNow(), TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(8));
    }

    [Fact]
    public void A_long_press_ends_the_window_at_three_seconds_while_still_held_and_its_release_starts_nothing()
    {
        Press(300 * Ms);
        Assert.Single(Open);

        Bounce();
        Hold(true, TimeSpan.FromSeconds(2.9));
        Assert.Single(Open);
        Hold(true, 200 * Ms);
        Assert.Empty(Open);
        Hold(true, TimeSpan.FromSeconds(5));
        Bounce();
        Hold(false, TimeSpan.FromSeconds(2));

        Assert.Empty(Open);
        Assert.False(LedLit);
    }

    [Fact]
    public void A_long_press_leaves_a_window_over_ssh_for_one_device_alone_and_the_led_shows_it()
    {
        var pdu = _store.StartMaintenance(MaintenanceWindow.ParseSelector("pdu-1"), [], Hour, "PSU swap", "alice");
        Hold(false, TimeSpan.FromSeconds(1.1));
        Assert.True(LedLit);

        Press(TimeSpan.FromSeconds(4));

        Assert.Equal(pdu.Id, Assert.Single(Open).Id);
        Assert.True(LedLit);
    }

    [Fact]
    public void The_led_goes_out_when_the_window_closes_by_itself()
    {
        Press(300 * Ms);
        Assert.True(LedLit);

        _time.Advance(Hour);
        Hold(false, TimeSpan.FromSeconds(1.1));

        Assert.Empty(Open);
        Assert.False(LedLit);
    }

    public void Dispose()
    {
        _button.Dispose();
        _store.Dispose();
        _dir.Dispose();
    }
}
