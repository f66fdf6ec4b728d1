using Edge.Core.Rules;

namespace Edge.Core.Alerts;

/// <summary>
/// One alert transition, with everything PagerDuty's Events API v2 needs (spec/pagerduty-events-v2.md) except the
/// routing key itself, which the delivery stage looks up from <see cref="Route"/> so secrets never enter the core.
/// </summary>
public sealed record AlertEvent
{
    public required EventAction Action { get; init; }

    /// <summary>appliance id / rule id [/ entity id], at most 255 characters.</summary>
    public required string DedupKey { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The entity, or null for a rule grouped as one incident.</summary>
    public string? Entity { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>At most 1024 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>PagerDuty's payload.source: appliance id / device.</summary>
    public required string Source { get; init; }

    /// <summary>payload.component: the entity (or the rule for a grouped incident).</summary>
    public required string Component { get; init; }

    /// <summary>payload.group: site / rack.</summary>
    public required string Group { get; init; }

    /// <summary>payload.class: the rule type.</summary>
    public required string Class { get; init; }

    /// <summary>When the condition was detected (the reading's time), not when the event is sent.</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    public string? Route { get; init; }

    public required AlertDetails Details { get; init; }

    /// <summary>The maintenance window that held this event back: recorded locally, never sent to PagerDuty.</summary>
    public long? SuppressedBy { get; init; }
}
