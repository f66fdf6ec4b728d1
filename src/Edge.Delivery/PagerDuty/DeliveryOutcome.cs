namespace Edge.Delivery.PagerDuty;

/// <summary>What one send came to, and so what the forwarder does (spec: "Responses and what to do").</summary>
public sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static readonly DeliveryOutcome Delivered = new(DeliveryResult.Delivered);
}

public enum DeliveryResult
{
    /// <summary>PagerDuty's acceptance: 202 (or a relay's 200/201 with a JSON body whose status is "success").</summary>
    Delivered,

    /// <summary>400 about the event itself, or 413: park it, never retry by itself.</summary>
    Rejected,

    /// <summary>5xx, timeout, connection error: back off exponentially and retry, in order.</summary>
    Transient,

    /// <summary>429: the routing key's rate window is full; retry, in order, on the throttle schedule.</summary>
    Throttled,

    /// <summary>
    /// A 2xx that is not PagerDuty's acceptance (an HTML page, another dedup key): the event may never have reached
    /// PagerDuty, so it is not delivered; retried with back-off like a transient failure, and reported.
    /// </summary>
    RelayFault,

    /// <summary>400 about the routing key: every event of the route would get it. The lane holds, nothing is parked.</summary>
    KeyRejected,

    /// <summary>401, 403, 404, 405: a relay's wrong path or authentication, a fault of the route. The lane holds.</summary>
    RouteRefused,
}
