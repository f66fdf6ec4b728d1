namespace Edge.Delivery.Outbox;

/// <summary>One outbox row as read back: the event, and what has happened to it.</summary>
public sealed record OutboxEntry(
    long Id,
    OutboxEvent Event,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError);
