using System.Text.Json.Nodes;

namespace Edge.Emulators.PagerDuty;

/// <summary>One event the emulator accepted (202), in arrival order, with what PagerDuty's dedup made of it.</summary>
public sealed record ReceivedEvent(
    int Sequence,
    string RoutingKey,
    string Action,
    string? DedupKey,
    string? Summary,
    string? Severity,
    DateTimeOffset? Timestamp,
    JsonObject? CustomDetails,
    DateTimeOffset ReceivedAt,
    string? UserAgent,
    bool Dropped)
{
    /// <summary>custom_details.outbox_id: which outbox row this was (a resend shows the same id twice).</summary>
    public long? OutboxId => CustomDetails?["outbox_id"] is JsonValue v && v.TryGetValue<long>(out var id) ? id : null;
}
