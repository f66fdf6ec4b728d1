using Edge.Core.Alerts;
using Edge.Delivery.Clock;
using Edge.Delivery.Outbox;
using Edge.Delivery.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Clock;

/// <summary>The timestamp rule, decided at send time: its four cases, worked out by hand.</summary>
public class DetectionTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WrongStamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The fake boot clock reads 1 min at construction (FakeBootClock); 10 min later it reads 11 min.
    private readonly FakeBootClock _boot;

    public DetectionTimeTests()
    {
        var time = new FakeTimeProvider(Now - TimeSpan.FromMinutes(10));
        _boot = new FakeBootClock(time);
        time.Advance(TimeSpan.FromMinutes(10));
    }

    private static OutboxEvent Detected(string bootId, TimeSpan sinceBoot, bool synced, DateTimeOffset stamp) => new()
    {
        Route = "", DedupKey = "d", Action = EventAction.Trigger, Payload = new() { Severity = "critical", Summary = "s", Source = "src" }, DetailsJson = "{}",
        DetectedAt = stamp, BootId = bootId, SinceBoot = sinceBoot, ClockSynchronized = synced,
    };

    [Fact]
    public void Synchronized_now_an_event_of_this_boot_is_placed_by_the_monotonic_clock_even_if_stamped_before_sync()
    {
        // Detected at 7 min since boot; now is 11 min since boot: 4 min ago, whatever the stored (wrong) stamp says.
        var e = Detected("boot-1", TimeSpan.FromMinutes(7), synced: false, WrongStamp);

        var t = DetectionTime.Of(e, _boot, clockSynchronizedNow: true, Now);

        Assert.Equal(Now - TimeSpan.FromMinutes(4), t.At);
        Assert.Equal(TimeSpan.FromMinutes(4), t.Age);
    }

    [Fact]
    public void Synchronized_now_an_event_of_an_earlier_boot_keeps_its_stamp_only_if_taken_on_a_synchronized_clock()
    {
        var stamp = Now - TimeSpan.FromHours(3);

        Assert.Equal(stamp, DetectionTime.Of(Detected("boot-0", TimeSpan.FromMinutes(7), synced: true, stamp), _boot, true, Now).At);
        var unsure = DetectionTime.Of(Detected("boot-0", TimeSpan.FromMinutes(7), synced: false, stamp), _boot, true, Now);
        Assert.Null(unsure.At);
        Assert.Null(unsure.Age);
    }

    [Fact]
    public void Unsynchronized_now_no_wall_time_is_claimed_and_the_age_is_exact_by_the_monotonic_clock()
    {
        // 11 min since boot now, detected at 10 min 47.5 s: 12.5 s ago.
        var e = Detected("boot-1", TimeSpan.FromSeconds(647.5), synced: true, Now);

        var t = DetectionTime.Of(e, _boot, clockSynchronizedNow: false, Now);

        Assert.Null(t.At);
        Assert.Equal(TimeSpan.FromSeconds(12.5), t.Age);
        Assert.Null(DetectionTime.Of(Detected("boot-0", TimeSpan.FromSeconds(1), true, Now), _boot, false, Now).At);
    }
}
