namespace Edge.Core.Alerts;

/// <summary>
/// What one batch of readings changed: the events to send, in the order they happened (after maintenance had its say),
/// and the alert states to keep or forget. The alert tracker writes it as it moves alerts on, so nothing is worked out
/// again by comparing states; the <see cref="IAlertOutbox"/> commits it as one unit: a crash loses an event only with
/// the state change that produced it, and the next run sees the same transition and sends it again.
/// </summary>
public sealed class AlertBatch : IAlertEventSink
{
    private readonly List<AlertEvent> _events = [];
    private readonly Dictionary<(string RuleId, string Entity), AlertRecord?> _states = [];

    public IReadOnlyList<AlertEvent> Events => _events;

    /// <summary>Each changed alert by rule and entity: its record to keep, or null when it is Ok and to be forgotten.</summary>
    public IReadOnlyDictionary<(string RuleId, string Entity), AlertRecord?> States => _states;

    public bool IsEmpty => _events.Count == 0 && _states.Count == 0;

    public void Publish(AlertEvent alertEvent) => _events.Add(alertEvent);

    /// <summary>An alert's phase or timers changed: the later change of one alert within a batch wins.</summary>
    public void Save(AlertRecord record) => _states[(record.RuleId, record.Entity)] = record.Phase == AlertPhase.Ok ? null : record;

    /// <summary>An alert the engine no longer keeps (its rule deleted or changed on a reload).</summary>
    public void Forget(string ruleId, string entity) => _states[(ruleId, entity)] = null;

    public void Clear()
    {
        _events.Clear();
        _states.Clear();
    }
}
