using System.Text.Json.Nodes;

namespace Edge.Delivery.PagerDuty;

/// <summary>payload: what the incident shows. <see cref="Timestamp"/> is when the condition was detected, not sent.</summary>
public sealed record PagerDutyPayload
{
    public required string Summary { get; init; }
    public required string Source { get; init; }
    public required string Severity { get; init; }
    public string? Timestamp { get; init; }
    public string? Component { get; init; }
    public string? Group { get; init; }
    public string? Class { get; init; }
    public JsonObject? CustomDetails { get; init; }
}
