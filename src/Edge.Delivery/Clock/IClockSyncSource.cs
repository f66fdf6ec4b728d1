namespace Edge.Delivery.Clock;

/// <summary>
/// Whether the wall clock has been synchronized since boot. A Pi has no real-time clock: until NTP answers, the wall
/// clock may be hours or days off, so an event's time is placed by the monotonic clock once it is (DetectionTime).
/// </summary>
public interface IClockSyncSource
{
    bool IsSynchronized();
}
