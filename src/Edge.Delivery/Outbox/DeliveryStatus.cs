namespace Edge.Delivery.Outbox;

/// <summary>The uplink as the status page and the LCD show it.</summary>
public sealed record DeliveryStatus(DateTimeOffset? LastDelivered, DateTimeOffset? LastFailure, int ConsecutiveFailures, string? LastError)
{
    /// <summary>Routes held or failing for a reason of their own (a rejected key, a refusing or faulty relay).</summary>
    public IReadOnlyList<RouteFault> RouteFaults { get; init; } = [];
}
