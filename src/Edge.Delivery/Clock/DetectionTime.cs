using Edge.Delivery.Outbox;

namespace Edge.Delivery.Clock;

/// <summary>
/// When an event was detected, decided when it is sent or shown, never by waiting for the clock. On a synchronized
/// clock an event of this boot is placed by the monotonic clock (now − (time since boot now − at detection)), which is
/// right even when it was detected before synchronization; an event of an earlier boot keeps its stored stamp only if
/// that was taken on a synchronized clock. On an unsynchronized clock no wall time is claimed at all: PagerDuty then
/// uses its receipt time, and <see cref="Age"/> (monotonic, exact) says how long before that the event was detected.
/// </summary>
/// <param name="At">The wall time of detection, or null when it cannot be known.</param>
/// <param name="Age">How long ago it was detected, by the monotonic clock; null for an event of an earlier boot.</param>
public sealed record DetectionTime(DateTimeOffset? At, TimeSpan? Age)
{
    public static DetectionTime Of(OutboxEvent e, IBootClock bootClock, bool clockSynchronizedNow, DateTimeOffset now)
    {
        TimeSpan? age = null;
        if (e.BootId == bootClock.BootId)
        {
            var elapsed = bootClock.SinceBoot() - e.SinceBoot;
            age = elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero;
        }
        if (!clockSynchronizedNow)
            return new DetectionTime(null, age);
        if (age is { } a)
            return new DetectionTime(now - a, a);
        return new DetectionTime(e.ClockSynchronized ? e.DetectedAt : null, null);
    }
}
