namespace Edge.Sensors.Tests.Support;

/// <summary>
/// A fake clock whose timers allocate nothing when re-armed, for measuring what the code under test allocates.
/// FakeTimeProvider (Microsoft.Extensions.TimeProvider.Testing 10.11) allocates a new 56-byte Waiter on every
/// <see cref="ITimer.Change"/>, so under it every wait a sensor makes shows up as 56 bytes that a real timer does
/// not cost. Single-threaded: timers fire on the thread that calls <see cref="Advance"/>, in due order.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    // Ticks of the fake time, so that GetElapsedTime measures fake time too (the base would read the real Stopwatch).
    public override long GetTimestamp() => _now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan delta)
    {
        var target = _now + delta;
        while (NextDue(target) is { } timer)
        {
            _now = timer.DueAt;
            timer.Fire();
        }
        _now = target;
    }

    /// <summary>Runs work that waits on this clock, a millisecond at a time; fails instead of hanging.</summary>
    public void Run(ValueTask work, TimeSpan? limit = null)
    {
        var until = _now + (limit ?? TimeSpan.FromMinutes(1));
        while (!work.IsCompleted)
        {
            if (_now >= until)
                throw new TimeoutException($"still running after {limit ?? TimeSpan.FromMinutes(1)} of fake time");
            Advance(FakeClock.Step);
        }
        work.GetAwaiter().GetResult();
    }

    private ManualTimer? NextDue(DateTimeOffset target)
    {
        ManualTimer? next = null;
        foreach (var timer in _timers)
        {
            if (timer.DueAt <= target && (next is null || timer.DueAt < next.DueAt))
                next = timer;
        }
        return next;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
                throw new NotSupportedException("one-shot timers only: that is all ReusableDelay uses");
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock._now + dueTime;
            return true;
        }

        public void Fire()
        {
            DueAt = DateTimeOffset.MaxValue;
            callback(state);
        }

        public void Dispose()
        {
            DueAt = DateTimeOffset.MaxValue;
            clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
