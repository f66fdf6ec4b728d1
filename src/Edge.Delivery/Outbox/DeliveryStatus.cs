namespace Edge.Delivery.Outbox;

/// <summary>The uplink as the status page and the LCD show it.</summary>
public sealed record DeliveryStatus(DateTimeOffset? LastDelivered, DateTimeOffset? LastFailure, int ConsecutiveFailures, string? LastError);
