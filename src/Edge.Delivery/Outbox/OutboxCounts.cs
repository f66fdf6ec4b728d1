namespace Edge.Delivery.Outbox;

/// <summary>What the outbox holds and what it has had to drop: for <c>edge queue list</c> and the status page.</summary>
public sealed record OutboxCounts(
    long Pending,
    long Parked,
    long Delivered,
    long DroppedExpired,
    long DroppedFull,
    long Coalesced,
    string? Recovery)
{
    /// <summary>Events held back by a maintenance window: recorded, never sent.</summary>
    public long Suppressed { get; init; }
}
