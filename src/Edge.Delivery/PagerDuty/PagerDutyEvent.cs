namespace Edge.Delivery.PagerDuty;

/// <summary>The Events API v2 request body (spec/pagerduty-events-v2.md, "The event").</summary>
public sealed record PagerDutyEvent
{
    public required string RoutingKey { get; init; }
    public required string EventAction { get; init; }
    public string? DedupKey { get; init; }
    public PagerDutyPayload? Payload { get; init; }
    public string? Client { get; init; }
}
