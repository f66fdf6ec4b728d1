namespace Edge.Delivery.Clock;

/// <summary>
/// The clock that wall-clock jumps cannot move: which boot this is, and how long since it started. Together they
/// place an event on the time line when the wall clock was wrong at detection.
/// </summary>
public interface IBootClock
{
    /// <summary>The kernel's random boot id: monotonic times are comparable only within one boot.</summary>
    string BootId { get; }

    /// <summary>Time since boot (CLOCK_MONOTONIC), unaffected by setting the wall clock.</summary>
    TimeSpan SinceBoot();
}
