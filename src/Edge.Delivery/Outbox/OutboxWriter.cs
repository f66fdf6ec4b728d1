using System.Text.Json;
using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Rules;
using Edge.Delivery.Clock;
using Microsoft.Extensions.Logging;

namespace Edge.Delivery.Outbox;

/// <summary>
/// The evaluate stage's door to the outbox. <see cref="Publish"/> (called by the alert tracker on the evaluate
/// thread) only stamps and holds the event; <see cref="Commit"/>, called by the same thread after each batch of
/// readings, writes the held events and the alert-state changes of that batch in one transaction. A crash before it
/// loses both the events and the state change together, so the next run sees the same transition again and sends
/// it: never one without the other. Pending <c>for</c> timers are state too and are written when they change.
/// </summary>
public sealed class OutboxWriter(OutboxStore store, IBootClock bootClock, IClockSyncSource clockSync, TimeProvider time, ILogger<OutboxWriter> logger)
    : IAlertEventSink
{
    // If the card is failing, events wait in memory for a commit that works; beyond this the oldest non-critical go
    // (the oldest critical only when nothing else is held: memory stays bounded), each one counted and logged.
    internal const int MaxUnsaved = 10_000;

    private readonly List<OutboxEvent> _unsaved = [];
    private Dictionary<(string, string), AlertRecord> _saved = [];

    /// <summary>False with <c>"clock": "assume-synchronized"</c>: every event counts as stamped on a good clock.</summary>
    public bool CheckClockSync { get; init; } = true;

    /// <summary>Events held since the last commit (0 after a successful one).</summary>
    public int Unsaved => _unsaved.Count;

    /// <summary>Held events dropped since start because commits kept failing; never silent (log event 3005).</summary>
    public long DroppedUnsaved { get; private set; }

    public void Publish(AlertEvent alertEvent)
    {
        if (_unsaved.Count >= MaxUnsaved)
        {
            var victim = _unsaved.FindIndex(e => !e.IsCritical);
            if (victim < 0)
                victim = 0;
            var dropped = _unsaved[victim];
            _unsaved.RemoveAt(victim);
            DroppedUnsaved++;
            DeliveryLog.DroppedUnsaved(logger, OutboxStore.ActionName(dropped.Action), dropped.DedupKey, dropped.Severity, DroppedUnsaved);
        }
        _unsaved.Add(Stamp(alertEvent));
    }

    /// <summary>The persisted alert state for the rule engine to start from; also what the next commit diffs against.</summary>
    public IReadOnlyList<AlertRecord> LoadState()
    {
        var records = store.LoadAlertState();
        _saved = records.ToDictionary(r => (r.RuleId, r.Entity));
        var counts = store.Counts();
        DeliveryLog.Opened(logger, store.Path, counts.Pending, counts.Parked, records.Count);
        return records;
    }

    /// <summary>
    /// Commits the held events with the state changes between the last commit and <paramref name="snapshot"/>
    /// (the engine's every non-Ok alert). Does nothing when neither changed. False when the write failed: the events
    /// stay held and go with the next commit.
    /// </summary>
    public bool Commit(IEnumerable<AlertRecord> snapshot)
    {
        var current = new Dictionary<(string, string), AlertRecord>();
        foreach (var record in snapshot)
            current[(record.RuleId, record.Entity)] = record;
        var upserts = new List<AlertRecord>();
        foreach (var (key, record) in current)
        {
            // The value moves with every reading; only a change of phase or timers is worth a write.
            if (!_saved.TryGetValue(key, out var saved) || !SameState(saved, record))
                upserts.Add(record);
        }
        var deletes = _saved.Keys.Where(k => !current.ContainsKey(k)).ToList();
        if (_unsaved.Count == 0 && upserts.Count == 0 && deletes.Count == 0)
            return true;
        try
        {
            store.Commit(_unsaved, upserts, deletes);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            DeliveryLog.CommitFailed(logger, _unsaved.Count, e.Message);
            return false;
        }
        _unsaved.Clear();
        _saved = current;
        return true;
    }

    /// <summary>The dedup keys of the incidents PagerDuty has open, or will once the outbox drains: what maintenance leaves alone.</summary>
    public IEnumerable<string> OpenIncidentKeys() => store.OpenIncidents().Select(i => i.DedupKey);

    /// <summary>Queues the page about a database replaced at start, if that has not been queued yet.</summary>
    public bool PageRecovery(ApplianceIdentity appliance) =>
        store.TakeUnpagedRecovery(recovery => Stamp(OperatorEvents.DatabaseReplaced(appliance, recovery)));

    /// <summary>An event as the outbox keeps it: its detection on the wall clock, this boot's id and the monotonic clock.</summary>
    public OutboxEvent Stamp(AlertEvent e)
    {
        var now = time.GetUtcNow();
        var sinceBoot = bootClock.SinceBoot();
        // The event was detected at the reading's time, usually a moment ago: place it on the monotonic clock too.
        var age = now - e.DetectedAt;
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero;
        if (age > sinceBoot)
            age = sinceBoot;
        return new OutboxEvent
        {
            Route = e.Route ?? "",
            DedupKey = e.DedupKey,
            Action = e.Action,
            Severity = SeverityName(e.Severity),
            Summary = e.Summary,
            Source = e.Source,
            Component = e.Component,
            Group = e.Group,
            Class = e.Class,
            DetailsJson = JsonSerializer.Serialize(e.Details, DeliveryJsonContext.Default.AlertDetails),
            DetectedAt = e.DetectedAt,
            BootId = bootClock.BootId,
            SinceBoot = sinceBoot - age,
            ClockSynchronized = !CheckClockSync || clockSync.IsSynchronized(),
            SuppressedBy = e.SuppressedBy,
        };
    }

    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    private static bool SameState(AlertRecord a, AlertRecord b) =>
        a.Phase == b.Phase && a.PhaseSince == b.PhaseSince && a.FiredAt == b.FiredAt && a.RuleFingerprint == b.RuleFingerprint;
}
