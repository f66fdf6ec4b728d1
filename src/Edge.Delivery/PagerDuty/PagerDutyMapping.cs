using System.Text.Json;
using Edge.Core.Alerts;
using Edge.Core.Rules;

namespace Edge.Delivery.PagerDuty;

/// <summary>
/// The one place an alert becomes PagerDuty's Events API v2 fields (spec/pagerduty-events-v2.md, "The event"); the
/// outbox stores the result, so what is queued is what will be sent. Only what is decided at send time is left out:
/// the routing key, payload.timestamp (<see cref="Clock.DetectionTime"/>) and the outbox id in custom_details.
/// </summary>
public static class PagerDutyMapping
{
    /// <summary>payload.summary: "A brief text summary of the event … Maximum of 1024 characters."</summary>
    public const int MaxSummary = 1024;

    public const string Critical = "critical";

    /// <summary>payload: source is where it happened (appliance, or appliance/source), component the entity (the rule
    /// for a grouped incident), group the site and rack, class the rule's type.</summary>
    public static PagerDutyPayload Payload(AlertEvent e) => new()
    {
        Summary = Summary(e.Summary.Length == 0 ? e.DedupKey : e.Summary),
        Source = e.SourceId is null ? e.Appliance.Id : $"{e.Appliance.Id}/{e.SourceId}",
        Severity = SeverityName(e.Severity),
        Component = e.Entity ?? e.RuleId,
        Group = e.Appliance.Group,
        Class = e.RuleType,
    };

    /// <summary>custom_details as JSON.</summary>
    public static string CustomDetails(AlertDetails details) => JsonSerializer.Serialize(details, DeliveryJsonContext.Default.AlertDetails);

    /// <summary>event_action.</summary>
    public static string ActionName(EventAction action) => action == EventAction.Resolve ? "resolve" : "trigger";

    public static EventAction ParseAction(string name) => name == "resolve" ? EventAction.Resolve : EventAction.Trigger;

    /// <summary>payload.severity: critical, error, warning or info.</summary>
    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Cut so a long entity list or name can never get an event rejected.</summary>
    private static string Summary(string s) => s.Length <= MaxSummary ? s : s[..(MaxSummary - 1)] + "…";
}
