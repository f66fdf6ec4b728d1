namespace Edge.Delivery.PagerDuty;

/// <summary>What one send came to, and so what the forwarder does (spec: "Responses and what to do").</summary>
public sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static readonly DeliveryOutcome Delivered = new(DeliveryResult.Delivered);
}

public enum DeliveryResult
{
    /// <summary>202: queued at PagerDuty.</summary>
    Delivered,

    /// <summary>400: the event is invalid; park it, never retry by itself.</summary>
    Rejected,

    /// <summary>5xx, timeout, connection error: back off exponentially and retry, in order.</summary>
    Transient,

    /// <summary>429: the routing key's rate window is full; retry, in order, on the throttle schedule.</summary>
    Throttled,
}
