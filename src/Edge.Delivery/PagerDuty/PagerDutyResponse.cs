namespace Edge.Delivery.PagerDuty;

/// <summary>202 <c>{"status":"success","message":"Event processed","dedup_key":…}</c>; 400 adds <c>errors</c>.</summary>
public sealed record PagerDutyResponse
{
    public string? Status { get; init; }
    public string? Message { get; init; }
    public string? DedupKey { get; init; }
    public IReadOnlyList<string>? Errors { get; init; }
}
