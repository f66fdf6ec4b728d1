namespace Edge.Delivery.Outbox;

/// <summary>Where an outbox row is in its life; stored as the integer.</summary>
public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,

    /// <summary>PagerDuty answered 400: the event itself is invalid. Never retried automatically.</summary>
    Parked = 2,

    /// <summary>Held back by a maintenance window (<see cref="OutboxEvent.SuppressedBy"/>): recorded, never sent.</summary>
    Suppressed = 3,
}
