using Edge.Core.Alerts;
using Edge.Delivery.PagerDuty;

namespace Edge.Delivery.Outbox;

/// <summary>
/// An alert event as the outbox stores it: what will be sent (<see cref="PagerDutyMapping"/>), minus the secret routing
/// key (only the route's name), and when it was detected by three clocks (wall, boot id, time since boot) so that a
/// wall clock that was wrong at detection can be corrected once it is synchronized.
/// </summary>
public sealed record OutboxEvent
{
    /// <summary>The route name; "" for the default routing key.</summary>
    public required string Route { get; init; }
    public required string DedupKey { get; init; }
    public required EventAction Action { get; init; }

    /// <summary>payload as it will be sent, but for its timestamp and custom_details, which are decided at send time.</summary>
    public required PagerDutyPayload Payload { get; init; }

    /// <summary>custom_details, a JSON object.</summary>
    public required string DetailsJson { get; init; }

    public required DateTimeOffset DetectedAt { get; init; }
    public required string BootId { get; init; }
    public required TimeSpan SinceBoot { get; init; }

    /// <summary>False when the wall clock was not yet synchronized at detection: <see cref="DetectedAt"/> may be wrong.</summary>
    public required bool ClockSynchronized { get; init; }

    /// <summary>The maintenance window that held this event back; such an event is only recorded, never sent.</summary>
    public long? SuppressedBy { get; init; }

    /// <summary>Critical events are never dropped by the outbox's bounds.</summary>
    public bool IsCritical => Payload.Severity == PagerDutyMapping.Critical;
}
