using Microsoft.Extensions.Time.Testing;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Pipeline;

/// <summary>A trap brings a poll forward: at once, once per burst, and never sooner than a second after the last poll.</summary>
public class PollWakeupsTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10); // real-time safety net only; the logic runs on the fake clock

    private readonly FakeTimeProvider _clock = new();
    private readonly PollWakeups _wakeups;

    public PollWakeupsTests() => _wakeups = new PollWakeups(_clock);

    [Fact]
    public async Task Without_a_request_the_wait_is_the_interval()
    {
        var wakeup = _wakeups.Register("ups-1");
        var wait = _wakeups.WaitAsync(wakeup, Hour, _clock.GetTimestamp(), CancellationToken.None);

        _clock.Advance(Hour);

        Assert.False(await wait.WaitAsync(Bound));
        Assert.Equal(0, _wakeups.EarlyPolls);
    }

    [Fact]
    public async Task A_burst_of_requests_ends_the_wait_once_and_the_next_poll_forgets_them()
    {
        var wakeup = _wakeups.Register("ups-1");
        var started = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(5));
        var wait = _wakeups.WaitAsync(wakeup, Hour, started, CancellationToken.None);

        for (var i = 0; i < 5; i++)
            Assert.True(_wakeups.Request("ups-1"));

        Assert.True(await wait.WaitAsync(Bound));
        Assert.Equal(1, _wakeups.EarlyPolls);
        wakeup.Reset(); // the poll starts: it answers the burst
        var next = _wakeups.WaitAsync(wakeup, Hour, _clock.GetTimestamp(), CancellationToken.None);
        Assert.False(next.IsCompleted);
        _clock.Advance(Hour);
        Assert.False(await next.WaitAsync(Bound));
    }

    [Fact]
    public async Task A_request_right_after_a_poll_waits_until_a_second_after_it_started()
    {
        var wakeup = _wakeups.Register("ups-1");
        var started = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        var wait = _wakeups.WaitAsync(wakeup, Hour, started, CancellationToken.None);

        _wakeups.Request("ups-1");
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        // Whenever the continuation runs, the rest of the second is measured from the poll's start: not before 1 s.
        Assert.NotSame(wait, await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMilliseconds(200))));
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.True(await wait.WaitAsync(Bound));
    }

    [Fact]
    public void A_request_for_a_source_that_is_not_running_says_so()
    {
        var old = _wakeups.Register("ups-1");
        var current = _wakeups.Register("ups-1"); // a reload made the source anew before the old one stopped
        _wakeups.Unregister("ups-1", old);

        Assert.True(_wakeups.Request("ups-1"));
        Assert.True(current.Requested.IsCompleted);
        Assert.False(_wakeups.Request("pdu-9"));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(250, 750)]
    [InlineData(1000, 0)]
    [InlineData(5000, 0)]
    public void Spacing_left_is_what_remains_of_a_second(int sinceStartMs, int leftMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(leftMs), PollWakeups.SpacingLeft(TimeSpan.FromMilliseconds(sinceStartMs)));
}
