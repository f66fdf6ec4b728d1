using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Delivery.Clock;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.Logging;

namespace Edge.Delivery.Outbox;

/// <summary>
/// The evaluate stage's door to the outbox. <see cref="Commit"/>, called by the evaluate thread after each batch of
/// readings, stamps and logs the batch's events and writes them with the batch's alert-state changes in one
/// transaction. A crash before it loses both the events and the state change together, so the next run sees the same
/// transition again and sends it: never one without the other. Pending <c>for</c> timers are state too.
/// </summary>
public sealed class OutboxWriter(OutboxStore store, IBootClock bootClock, IClockSyncSource clockSync, TimeProvider time, ILogger<OutboxWriter> logger)
    : IAlertOutbox
{
    // If the card is failing, events wait in memory for a commit that works; beyond this the oldest non-critical go
    // (the oldest critical only when nothing else is held: memory stays bounded), each one counted and logged.
    internal const int MaxUnsaved = 10_000;

    private readonly List<OutboxEvent> _unsaved = [];
    private readonly Dictionary<(string RuleId, string Entity), AlertRecord?> _unsavedStates = [];

    /// <summary>False with <c>"clock": "assume-synchronized"</c>: every event counts as stamped on a good clock.</summary>
    public bool CheckClockSync { get; init; } = true;

    /// <summary>Events held since the last commit (0 after a successful one).</summary>
    public int Unsaved => _unsaved.Count;

    /// <summary>Held events dropped since start because commits kept failing; never silent (log event 3005).</summary>
    public long DroppedUnsaved { get; private set; }

    /// <summary>The persisted alert state for the rule engine to start from.</summary>
    public IReadOnlyList<AlertRecord> LoadState()
    {
        var records = store.LoadAlertState();
        var counts = store.Counts();
        DeliveryLog.Opened(logger, store.Path, counts.Pending, counts.Parked, records.Count);
        return records;
    }

    public bool Commit(AlertBatch batch)
    {
        foreach (var e in batch.Events)
            Hold(e);
        foreach (var (key, record) in batch.States)
            _unsavedStates[key] = record;
        batch.Clear();
        if (_unsaved.Count == 0 && _unsavedStates.Count == 0)
            return true;
        var upserts = new List<AlertRecord>();
        var deletes = new List<(string, string)>();
        foreach (var (key, record) in _unsavedStates)
        {
            if (record is null)
                deletes.Add(key);
            else
                upserts.Add(record);
        }
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
        _unsavedStates.Clear();
        return true;
    }

    private void Hold(AlertEvent alertEvent)
    {
        var e = Stamp(alertEvent);
        if (e.SuppressedBy is { } window)
            DeliveryLog.AlertSuppressed(logger, e.Action, e.DedupKey, window, e.Payload.Summary);
        else
            DeliveryLog.AlertEvent(logger, e.Action, e.DedupKey, e.Payload.Severity, e.Payload.Summary);
        if (_unsaved.Count >= MaxUnsaved)
        {
            var victim = _unsaved.FindIndex(u => !u.IsCritical);
            if (victim < 0)
                victim = 0;
            var dropped = _unsaved[victim];
            _unsaved.RemoveAt(victim);
            DroppedUnsaved++;
            DeliveryLog.DroppedUnsaved(logger, PagerDutyMapping.ActionName(dropped.Action), dropped.DedupKey, dropped.Payload.Severity, DroppedUnsaved);
        }
        _unsaved.Add(e);
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
            Payload = PagerDutyMapping.Payload(e),
            DetailsJson = PagerDutyMapping.CustomDetails(e.Details),
            DetectedAt = e.DetectedAt,
            BootId = bootClock.BootId,
            SinceBoot = sinceBoot - age,
            ClockSynchronized = !CheckClockSync || clockSync.IsSynchronized(),
            SuppressedBy = e.SuppressedBy,
        };
    }
}
