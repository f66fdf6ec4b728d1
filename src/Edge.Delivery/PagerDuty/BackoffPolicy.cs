namespace Edge.Delivery.PagerDuty;

/// <summary>
/// How long a lane waits after a transient failure: pure functions of the failure count and a random number, so they
/// are tested exactly (as Polly's RetryHelper is). Exponential from <c>baseDelay</c>, doubling per failure, capped;
/// "equal jitter" keeps at least half the delay, so a crowd of appliances behind one proxy spreads out without any
/// retrying at once. A 429 has its own schedule (<see cref="Throttled"/>), paced by PagerDuty's rate window.
/// </summary>
public static class BackoffPolicy
{
    /// <summary>A Retry-After beyond this is treated as this: a broken header must not silence paging for a day.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <summary>PagerDuty's rate-limit window (spec: sliding 60 s per routing key).</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

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

    /// <summary>
    /// The wait after the <paramref name="throttles"/>-th 429 in a row. PagerDuty's limit is a sliding 60 s window per
    /// routing key (spec: about 120 events/min), so a slot frees as soon as the oldest send in the window ages out. A
    /// doubling back-off (1 + 2 + … + 32 s) overshoots that moment by up to its own length and drained a backlog at
    /// about 60 % of the allowed pace. Instead the lane probes every <paramref name="step"/>, jittered (with the 5 s
    /// default: 12 to 24 probes a minute, a fifth of the limit itself), for one window's worth of probes. A key still
    /// throttled after a whole window is throttled for another reason (a lowered limit, a blocked service) and the
    /// exponential schedule from <paramref name="step"/> takes over. (A 429 with a Retry-After waits that instead:
    /// <see cref="Next"/>.)
    /// </summary>
    public static TimeSpan Throttled(int throttles, double random01, TimeSpan step, TimeSpan cap)
    {
        var beyondWindow = throttles - ProbesPerWindow(step);
        var delay = beyondWindow <= 0 ? (step < cap ? step : cap) : Exponential(beyondWindow + 1, step, cap);
        return WithJitter(delay, random01);
    }

    /// <summary>How many jittered probes (each at least half a step) one 60 s rate window can take.</summary>
    public static int ProbesPerWindow(TimeSpan step) =>
        step <= TimeSpan.Zero ? 1 : (int)Math.Ceiling(RateWindow / (step / 2));
}
