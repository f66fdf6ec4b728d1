using System.Globalization;
using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Rules;

namespace Edge.Core.Maintenance;

/// <summary>
/// The one place maintenance changes what is paged, between the alert tracker and the outbox. Rules keep evaluating;
/// only the events change:
/// <list type="bullet">
/// <item>a trigger of an alert a window covers is held: recorded as suppressed by that window, not sent;</item>
/// <item>its resolve while a window still covers it is recorded as suppressed too: that alert is never paged;</item>
/// <item>a held alert still firing when no window covers it any more is triggered then (<see cref="Release"/>), its
/// custom_details saying it began during maintenance, why and when;</item>
/// <item>an incident PagerDuty already has (triggered before the window) is left alone: its updates and its resolve
/// are sent, window or not, so no incident is left stuck open, and it is not triggered again at the end.</item>
/// </list>
/// What PagerDuty has open is known from the outbox's incidents (every trigger committed and not resolved), and what
/// is held from the alert state: so both survive a restart with the database.
/// </summary>
public sealed class MaintenanceGate(IAlertEventSink next, IEnumerable<string> openAtPagerDuty) : IAlertEventSink
{
    private readonly HashSet<string> _open = new(openAtPagerDuty, StringComparer.Ordinal);
    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>Every window the daemon knows that may still be open, as the database has them.</summary>
    public IReadOnlyList<MaintenanceWindow> Windows { get; set; } = [];

    /// <summary>The dedup keys whose trigger is held back, for status and tests.</summary>
    public IReadOnlyCollection<string> HeldKeys => _held.Keys;

    public void Publish(AlertEvent alertEvent)
    {
        var key = alertEvent.DedupKey;
        var at = alertEvent.DetectedAt;
        if (_open.Contains(key))
        {
            // PagerDuty has this incident from before the window: its changes and its resolve always go.
            if (alertEvent.Action == EventAction.Resolve)
                _open.Remove(key);
            next.Publish(alertEvent);
            return;
        }
        if (alertEvent.Action == EventAction.Trigger)
        {
            var entities = EntitiesOf(alertEvent);
            if (Covering(alertEvent.RuleId, entities, at) is { } window)
            {
                var began = _held.TryGetValue(key, out var before) ? before.Began : at;
                _held[key] = new Held(alertEvent.RuleId, alertEvent.Entity, entities, window, began);
                next.Publish(alertEvent with { SuppressedBy = window.Id });
                return;
            }
            Send(_held.Remove(key, out var held) ? WithNote(alertEvent, held, at) : alertEvent);
            return;
        }
        if (_held.Remove(key, out var cleared))
        {
            if (Covering(cleared.RuleId, cleared.Entities, at) is { } window)
            {
                next.Publish(alertEvent with { SuppressedBy = window.Id });
                return;
            }
            // Only after a restart: the window ended while the alert was not yet back in the engine, so it was firing
            // when the window ended and is paged now, late, then resolved.
            next.Publish(WithNote(alertEvent with { Action = EventAction.Trigger }, cleared, at));
        }
        // A resolve of an incident PagerDuty does not have changes nothing there, and is never worth losing.
        next.Publish(alertEvent);
    }

    /// <summary>
    /// After a restart: the open alerts (<paramref name="records"/>, the persisted alert state) whose incident PagerDuty
    /// does not have were held by a window. Each is matched to the window that covered it when it began; one that
    /// none did is released (triggered) at the next <see cref="Release"/>.
    /// </summary>
    public void Resume(MonitorConfig config, IEnumerable<AlertRecord> records, IReadOnlyList<MaintenanceWindow> windows)
    {
        foreach (var record in records)
        {
            if (record.Phase is not (AlertPhase.Firing or AlertPhase.Clearing) || config.Rules.FirstOrDefault(r => r.Id == record.RuleId) is not { } rule)
                continue;
            var entity = rule.Group == GroupBy.Rule ? null : record.Entity;
            var key = DedupKey.For(config.Appliance.Id, rule.Id, entity);
            if (_open.Contains(key))
                continue;
            var began = new DateTimeOffset(record.FiredAt, TimeSpan.Zero);
            var window = windows.FirstOrDefault(w => w.Start <= began && began < w.End && w.Covers(rule.Id, record.Entity));
            if (_held.TryGetValue(key, out var group))
                _held[key] = group with { Entities = [.. group.Entities, record.Entity], Began = began < group.Began ? began : group.Began };
            else
                _held[key] = new Held(rule.Id, entity, [record.Entity], window, began);
        }
    }

    /// <summary>
    /// Triggers every held alert that no open window covers any more and that is still firing: a window that ended
    /// (by itself, or ended early) or one that ended while Edge was stopped (then it counts as ending at start).
    /// Called at the start of each batch, before its readings, so a resolve never overtakes its trigger.
    /// </summary>
    public void Release(RuleEngine engine, DateTimeOffset now)
    {
        if (_held.Count == 0)
            return;
        List<(string Key, Held Held)>? due = null;
        foreach (var (key, held) in _held)
        {
            if (Covering(held.RuleId, held.Entities, now) is null)
                (due ??= []).Add((key, held));
        }
        if (due is null)
            return;
        foreach (var (key, held) in due)
        {
            _held.Remove(key);
            // Not open any more (cleared, or its rule deleted on a reload): nothing was sent, so nothing is owed.
            if (engine.CurrentTrigger(held.RuleId, held.Entity, now) is not { } trigger)
                continue;
            if (Covering(trigger.RuleId, EntitiesOf(trigger), now) is { } window)
            {
                // A grouped incident whose entities are now under another window: held on by that one.
                _held[key] = held with { Entities = EntitiesOf(trigger), Window = window };
                continue;
            }
            Send(WithNote(trigger, held, now));
        }
    }

    private void Send(AlertEvent alertEvent)
    {
        _open.Add(alertEvent.DedupKey);
        next.Publish(alertEvent);
    }

    /// <summary>The open window that covers the alert on every entity in breach; null if any entity is outside all windows.</summary>
    private MaintenanceWindow? Covering(string ruleId, IReadOnlyList<string> entities, DateTimeOffset at)
    {
        if (entities.Count == 0)
            return null;
        MaintenanceWindow? first = null;
        foreach (var entity in entities)
        {
            MaintenanceWindow? covering = null;
            foreach (var window in Windows)
            {
                if (window.IsOpenAt(at) && window.Covers(ruleId, entity))
                {
                    covering = window;
                    break;
                }
            }
            if (covering is null)
                return null;
            first ??= covering;
        }
        return first;
    }

    private static IReadOnlyList<string> EntitiesOf(AlertEvent e) =>
        e.Entity is { } entity ? [entity] : e.Details.Entities?.Select(x => x.Entity).ToArray() ?? [];

    private static AlertEvent WithNote(AlertEvent e, Held held, DateTimeOffset now)
    {
        if (held.Window is not { } w)
            return e;
        var ended = w.End <= now ? w.End : now;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"began during maintenance {w.Id} ({w.Reason}, started by {w.StartedBy}) at {held.Began:yyyy-MM-dd HH:mm:ss}Z and was still firing when the window ended at {ended:yyyy-MM-dd HH:mm:ss}Z");
        return e with { Details = e.Details with { Maintenance = new MaintenanceNote(text, w.Id, w.Reason, w.StartedBy, held.Began, ended) } };
    }

    /// <summary>An alert whose trigger is held: its rule, its entity (null for a grouped incident) and the entities in breach.</summary>
    private sealed record Held(string RuleId, string? Entity, IReadOnlyList<string> Entities, MaintenanceWindow? Window, DateTimeOffset Began);
}
