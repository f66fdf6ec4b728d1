using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Rules;

namespace Edge.Delivery.Outbox;

/// <summary>
/// Events Edge raises about itself rather than about the rack: the operator's test alert and the replaced database.
/// Like the rules' events they carry appliance.contact, so whoever the page reaches knows who owns the box.
/// </summary>
public static class OperatorEvents
{
    public const string TestRule = "edge-test-alert";
    public const string DatabaseRule = "edge-outbox-replaced";

    public static AlertEvent TestAlert(ApplianceIdentity appliance, EventAction action, DateTimeOffset now) => new()
    {
        Action = action,
        DedupKey = DedupKey.For(appliance.Id, TestRule, entity: null),
        RuleId = TestRule,
        Severity = Severity.Info,
        Summary = action == EventAction.Trigger
            ? $"[{appliance.Id}] Test alert from edge test-alert: the path to PagerDuty works (resolve with edge test-alert --resolve)"
            : $"[{appliance.Id}] Test alert resolved",
        Source = appliance.Id,
        Component = "edge",
        Group = appliance.Group,
        Class = "test",
        DetectedAt = now,
        Details = new AlertDetails { Rule = TestRule, Condition = "sent by the operator with edge test-alert", Metric = "none", Contact = appliance.Contact },
    };

    /// <summary>
    /// The outbox failed its integrity check at start: whatever it held that was not delivered is lost, and resolves of
    /// alerts that cleared meanwhile may never come; the on-call engineer must know.
    /// </summary>
    public static AlertEvent DatabaseReplaced(ApplianceIdentity appliance, OutboxRecovery recovery) => new()
    {
        Action = EventAction.Trigger,
        DedupKey = DedupKey.For(appliance.Id, DatabaseRule, entity: null),
        RuleId = DatabaseRule,
        Severity = Severity.Warning,
        Summary = $"[{appliance.Id}] Edge's outbox database was corrupt at start and was replaced; undelivered alerts may be lost and open incidents may need resolving by hand",
        Source = appliance.Id,
        Component = "edge",
        Group = appliance.Group,
        Class = "edge",
        DetectedAt = recovery.At,
        Details = new AlertDetails
        {
            Rule = DatabaseRule,
            Condition = "the outbox database failed PRAGMA quick_check at start",
            Metric = "none",
            Value = recovery.Reason,
            Reason = $"the bad file is kept at {recovery.KeptAt} for inspection (sqlite3 .recover)",
            Contact = appliance.Contact,
        },
    };
}
