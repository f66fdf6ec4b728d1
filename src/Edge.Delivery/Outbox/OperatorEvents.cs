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

    /// <summary>What these events are about: Edge itself, not a device in the rack.</summary>
    public const string Edge = "edge";

    public static AlertEvent TestAlert(ApplianceIdentity appliance, EventAction action, DateTimeOffset now) => new()
    {
        Action = action,
        DedupKey = DedupKey.For(appliance.Id, TestRule, entity: null),
        Appliance = appliance,
        RuleId = TestRule,
        RuleType = "test",
        Entity = Edge,
        Severity = Severity.Info,
        Summary = action == EventAction.Trigger
            ? $"[{appliance.Id}] Test alert from edge test-alert: the path to PagerDuty works (resolve with edge test-alert --resolve)"
            : $"[{appliance.Id}] Test alert resolved",
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
        Appliance = appliance,
        RuleId = DatabaseRule,
        RuleType = Edge,
        Entity = Edge,
        Severity = Severity.Warning,
        Summary = $"[{appliance.Id}] Edge's outbox database was corrupt at start and was replaced; undelivered alerts may be lost and open incidents may need resolving by hand",
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
