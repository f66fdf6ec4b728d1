using Microsoft.Extensions.Time.Testing;

namespace Edge.Sensors.Tests.Support;

/// <summary>
/// Runs code that waits through a <see cref="FakeTimeProvider"/>: advances the clock a millisecond at a time until
/// the work completes, and fails instead of hanging when it does not within <paramref name="limit"/> of fake time.
/// The drivers continue on the timer's thread (ConfigureAwait(false)), so everything runs on the test's thread.
/// </summary>
public static class FakeClock
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    public static TimeSpan Run(FakeTimeProvider time, ValueTask work, TimeSpan? limit = null)
    {
        var start = time.GetUtcNow();
        var until = start + (limit ?? TimeSpan.FromMinutes(1));
        while (!work.IsCompleted)
        {
            if (time.GetUtcNow() >= until)
                throw new TimeoutException($"still running after {limit ?? TimeSpan.FromMinutes(1)} of fake time");
            time.Advance(Step);
        }
        work.GetAwaiter().GetResult();
        return time.GetUtcNow() - start;
    }

    public static T Run<T>(FakeTimeProvider time, ValueTask<T> work, TimeSpan? limit = null)
    {
        var until = time.GetUtcNow() + (limit ?? TimeSpan.FromMinutes(1));
        while (!work.IsCompleted)
        {
            if (time.GetUtcNow() >= until)
                throw new TimeoutException("still running");
            time.Advance(Step);
        }
        return work.GetAwaiter().GetResult();
    }
}
