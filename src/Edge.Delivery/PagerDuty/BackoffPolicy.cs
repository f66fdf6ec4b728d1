namespace Edge.Delivery.PagerDuty;

/// <summary>
/// How long a lane waits after a transient failure: pure functions of the failure count and a random number, so they
/// are tested exactly (as Polly's RetryHelper is). Exponential from <c>baseDelay</c>, doubling per failure, capped;
/// "equal jitter" keeps at least half the delay, so a crowd of appliances behind one proxy spreads out without any
/// retrying at once.
/// </summary>
public static class BackoffPolicy
{
    /// <summary>A Retry-After beyond this is treated as this: a broken header must not silence paging for a day.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <summary>base × 2^(failures−1), at most <paramref name="cap"/>; <paramref name="failures"/> counts from 1.</summary>
    public static TimeSpan Exponential(int failures, TimeSpan baseDelay, TimeSpan cap)
    {
        if (failures <= 1)
            return baseDelay < cap ? baseDelay : cap;
        // 2^40 × any sane base is past any cap; stop before the multiplication overflows.
        if (failures > 40)
            return cap;
        var ticks = baseDelay.Ticks * Math.Pow(2, failures - 1);
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Between half and all of <paramref name="delay"/>, by <paramref name="random01"/> in [0, 1).</summary>
    public static TimeSpan WithJitter(TimeSpan delay, double random01) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + 0.5 * Math.Clamp(random01, 0, 1))));

    /// <summary>
    /// The wait before the next attempt. A Retry-After from the server is its own knowledge of when it will take the
    /// event again, so it replaces the guess (never shorter than <paramref name="baseDelay"/>, never past
    /// <see cref="MaxRetryAfter"/>).
    /// </summary>
    public static TimeSpan Next(int failures, double random01, TimeSpan? retryAfter, TimeSpan baseDelay, TimeSpan cap)
    {
        if (retryAfter is { } server)
            return server < baseDelay ? baseDelay : server > MaxRetryAfter ? MaxRetryAfter : server;
        return WithJitter(Exponential(failures, baseDelay, cap), random01);
    }
}
