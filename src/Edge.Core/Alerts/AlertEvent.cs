using Edge.Core.Configuration;
using Edge.Core.Rules;

namespace Edge.Core.Alerts;

/// <summary>
/// One alert transition, described in the rules' own terms: which appliance, rule, source and entity, the phase it
/// entered, how severe, what the condition saw. The delivery stage owns how this maps onto PagerDuty's fields, and
/// looks the routing key up from <see cref="Route"/> so secrets never enter the core.
/// </summary>
public sealed record AlertEvent
{
    public required EventAction Action { get; init; }

    /// <summary>appliance id / rule id [/ entity id], at most 255 characters: one incident per key.</summary>
    public required string DedupKey { get; init; }

    public required ApplianceIdentity Appliance { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The rule's type by name (sensor, pdu, ups, software, ...).</summary>
    public required string RuleType { get; init; }

    /// <summary>The configured source whose reading this is; null for a rule grouped as one incident.</summary>
    public string? SourceId { get; init; }

    /// <summary>The entity, or null for a rule grouped as one incident.</summary>
    public string? Entity { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The rule's summary template rendered for this alert, whole.</summary>
    public required string Summary { get; init; }

    /// <summary>When the condition was detected (the reading's time), not when the event is sent.</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    public string? Route { get; init; }

    public required AlertDetails Details { get; init; }

    /// <summary>The maintenance window that held this event back: recorded locally, never sent to PagerDuty.</summary>
    public long? SuppressedBy { get; init; }
}
