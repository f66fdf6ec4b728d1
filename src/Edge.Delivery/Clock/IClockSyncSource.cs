namespace Edge.Delivery.Clock;

/// <summary>
/// Whether the wall clock has been synchronized since boot. A Pi has no real-time clock: until NTP answers, the wall
/// clock may be hours or days off, so events detected before then are re-stamped from the monotonic clock.
/// </summary>
public interface IClockSyncSource
{
    bool IsSynchronized();
}
