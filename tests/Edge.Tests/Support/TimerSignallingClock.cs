using Microsoft.Extensions.Time.Testing;

namespace Edge.Tests.Support;

/// <summary>
/// A fake clock that tells when a timer is made: the poller makes one when it starts waiting for the next poll, so a
/// test knows the previous poll is fully handled (logged, recorded) and that advancing the clock now ends the wait.
/// </summary>
public sealed class TimerSignallingClock : FakeTimeProvider
{
    public SemaphoreSlim TimersCreated { get; } = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TimersCreated.Release();
        return timer;
    }
}
