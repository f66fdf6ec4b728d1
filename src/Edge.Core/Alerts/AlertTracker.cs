using System.Globalization;
using Edge.Core.Configuration;
using Edge.Core.Rules;

namespace Edge.Core.Alerts;

/// <summary>
/// Owns every alert's life, ok → pending → firing → (clearing →) resolved, and turns each transition into exactly one
/// event: a trigger when an alert starts firing, a resolve when it clears. A rule grouped by rule is one incident: its
/// trigger lists the entities in breach and is sent again (same dedup key) whenever that list changes; changes within
/// one batch of readings are sent as one event by <see cref="FlushGroups"/>, so forty sensors going hot at once are one
/// event, not forty.
/// </summary>
public sealed class AlertTracker
{
    private const int RecentReadings = 10;

    private readonly ApplianceIdentity _appliance;
    private readonly IAlertEventSink _sink;
    private readonly AlertBatch? _batch;
    private readonly Dictionary<string, GroupIncident> _groups = new(StringComparer.Ordinal);
    private readonly List<GroupIncident> _dirty = [];

    /// <param name="appliance">Who sends the events.</param>
    /// <param name="sink">Where each event goes: the batch itself, or the maintenance gate in front of it.</param>
    /// <param name="batch">Where each change of an alert's phase or timers is kept for the commit; null when no state is kept.</param>
    public AlertTracker(ApplianceIdentity appliance, IAlertEventSink sink, AlertBatch? batch = null)
    {
        _appliance = appliance;
        _sink = sink;
        _batch = batch;
    }

    /// <summary>Moves the alert on by what its condition says at <paramref name="now"/>.</summary>
    /// <param name="breached">The trigger condition holds.</param>
    /// <param name="cleared">The value is back past the clear thresholds.</param>
    public void Step(Alert alert, bool breached, bool cleared, long now)
    {
        var rule = alert.Rule;
        var (phase, since) = (alert.Phase, alert.PhaseSince);
        switch (alert.Phase)
        {
            case AlertPhase.Ok when breached:
                alert.PhaseSince = now;
                if (rule.For <= TimeSpan.Zero)
                    Fire(alert, now);
                else
                    alert.Phase = AlertPhase.Pending;
                break;
            case AlertPhase.Pending when !breached:
                alert.Phase = AlertPhase.Ok;
                break;
            case AlertPhase.Pending when now - alert.PhaseSince >= rule.For.Ticks:
                Fire(alert, now);
                break;
            case AlertPhase.Firing when cleared:
                alert.PhaseSince = now;
                if (rule.ClearFor <= TimeSpan.Zero)
                    Resolve(alert, now, reason: null);
                else
                    alert.Phase = AlertPhase.Clearing;
                break;
            case AlertPhase.Clearing when !cleared:
                alert.Phase = AlertPhase.Firing;
                break;
            case AlertPhase.Clearing when now - alert.PhaseSince >= rule.ClearFor.Ticks:
                Resolve(alert, now, reason: null);
                break;
        }
        // FiredAt changes only with the phase; the value moves with every reading and is kept only with a change.
        if (alert.Phase != phase || alert.PhaseSince != since)
            _batch?.Save(Record(alert));
    }

    /// <summary>An alert carried over a restart or reload that the engine drops (its rule deleted, or sending elsewhere).</summary>
    internal void Forget(AlertRecord record) => _batch?.Forget(record.RuleId, record.Entity);

    /// <summary>Resolves an open alert whose rule no longer exists (or now sends to another incident), and forgets its state.</summary>
    public void Retire(Alert alert, long now, string reason)
    {
        if (alert.Phase == AlertPhase.Ok)
            return;
        if (alert.IsOpen)
            Resolve(alert, now, reason);
        _batch?.Forget(alert.Rule.Id, alert.Series.Entity);
    }

    /// <summary>Puts a carried-over alert back in its phase without sending anything: its incident is already open.</summary>
    public void Restore(Alert alert, AlertRecord record)
    {
        alert.Phase = record.Phase;
        alert.PhaseSince = record.PhaseSince;
        alert.FiredAt = record.FiredAt;
        alert.Value = record.Value;
        if (alert.IsOpen && alert.Rule.Group == GroupBy.Rule)
        {
            var group = GroupOf(alert.Rule);
            group.Members.Add(alert);
            group.Open = true;
        }
    }

    /// <summary>Sends one event for each grouped incident whose entities changed since the last flush.</summary>
    public void FlushGroups(long now)
    {
        if (_dirty.Count == 0)
            return;
        foreach (var group in _dirty)
        {
            group.Dirty = false;
            if (group.Members.Count == 0 && !group.Open)
                continue;
            group.Open = group.Members.Count > 0;
            _sink.Publish(GroupEvent(group.Open ? EventAction.Trigger : EventAction.Resolve, group, now));
            group.Reason = null;
        }
        _dirty.Clear();
    }

    /// <summary>Forgets which alerts make up each grouped incident; a reload restores them into its new alerts.</summary>
    internal void ForgetGroups()
    {
        foreach (var group in _groups.Values)
            group.Members.Clear();
    }

    /// <summary>The trigger an open alert would send now (for a trigger held back by maintenance); null when it is not open.</summary>
    internal AlertEvent? CurrentTrigger(Alert alert, long now) =>
        alert.IsOpen ? EntityEvent(EventAction.Trigger, alert, now, reason: null) : null;

    /// <summary>The trigger of a rule's grouped incident as it stands now; null when no entity is in breach.</summary>
    internal AlertEvent? CurrentGroupTrigger(string ruleId, long now) =>
        _groups.TryGetValue(ruleId, out var group) && group.Members.Count > 0 ? GroupEvent(EventAction.Trigger, group, now) : null;

    public static AlertRecord Record(Alert alert) =>
        new(alert.Rule.Id, alert.Series.Entity, Fingerprint(alert.Rule), alert.Phase, alert.PhaseSince, alert.FiredAt, alert.Value);

    /// <summary>What decides which PagerDuty incident a rule's alerts belong to; if it changes, the old incidents are resolved.</summary>
    public static string Fingerprint(RuleDefinition rule) => $"{rule.Group}|{rule.Route}";

    private void Fire(Alert alert, long now)
    {
        alert.Phase = AlertPhase.Firing;
        alert.FiredAt = now;
        if (alert.Rule.Group == GroupBy.Entity)
        {
            _sink.Publish(EntityEvent(EventAction.Trigger, alert, now, reason: null));
            return;
        }
        var group = GroupOf(alert.Rule);
        group.Members.Add(alert);
        MarkDirty(group);
    }

    private void Resolve(Alert alert, long now, string? reason)
    {
        alert.Phase = AlertPhase.Ok;
        if (alert.Rule.Group == GroupBy.Entity)
        {
            _sink.Publish(EntityEvent(EventAction.Resolve, alert, now, reason));
            return;
        }
        var group = GroupOf(alert.Rule);
        group.Members.Remove(alert);
        group.Reason ??= reason;
        MarkDirty(group);
    }

    private void MarkDirty(GroupIncident group)
    {
        if (group.Dirty)
            return;
        group.Dirty = true;
        _dirty.Add(group);
    }

    private GroupIncident GroupOf(RuleDefinition rule)
    {
        if (!_groups.TryGetValue(rule.Id, out var group) || group.Rule != rule)
        {
            var members = group?.Members ?? [];
            _groups[rule.Id] = group = new GroupIncident(rule) { Open = group?.Open ?? false };
            group.Members.AddRange(members);
        }
        return group;
    }

    /// <summary>The open-or-not incident of a rule grouped by rule, and the alerts in breach that make it up.</summary>
    private sealed class GroupIncident(RuleDefinition rule)
    {
        public RuleDefinition Rule { get; } = rule;
        public List<Alert> Members { get; } = [];
        public bool Open { get; set; }
        public bool Dirty { get; set; }
        public string? Reason { get; set; }
    }

    private AlertEvent EntityEvent(EventAction action, Alert alert, long now, string? reason)
    {
        var rule = alert.Rule;
        var series = alert.Series;
        var value = series.Info.Format(alert.Value);
        var recent = new RecentReading[Math.Min(series.Count, RecentReadings)];
        for (var i = 0; i < recent.Length; i++)
        {
            var (t, v) = series.Recent(i);
            recent[i] = new RecentReading(Time(t), series.Info.Format(v));
        }
        return new AlertEvent
        {
            Action = action,
            DedupKey = DedupKey.For(_appliance.Id, rule.Id, series.Entity),
            Appliance = _appliance,
            RuleId = rule.Id,
            RuleType = rule.Type.Name,
            SourceId = series.Source.Id,
            Entity = series.Entity,
            Severity = rule.Severity,
            Summary = Summary(rule, series.Entity, value, UnitOf(rule, series.Info.Unit), count: 1),
            DetectedAt = Time(now),
            Route = rule.Route,
            Details = Details(rule, UnitOf(rule, series.Info.Unit), reason) with { Value = value, Recent = recent },
        };
    }

    private AlertEvent GroupEvent(EventAction action, GroupIncident incident, long now)
    {
        var (rule, group, reason) = (incident.Rule, incident.Members, incident.Reason);
        var entities = group.Select(a => new EntityInBreach(a.Series.Entity, a.Series.Info.Format(a.Value), Time(a.FiredAt))).ToArray();
        var unit = group.Count > 0 ? UnitOf(rule, group[0].Series.Info.Unit) : "";
        return new AlertEvent
        {
            Action = action,
            DedupKey = DedupKey.For(_appliance.Id, rule.Id, entity: null),
            Appliance = _appliance,
            RuleId = rule.Id,
            RuleType = rule.Type.Name,
            Severity = rule.Severity,
            Summary = Summary(rule, string.Join(", ", entities.Select(e => e.Entity)), null, unit, entities.Length),
            DetectedAt = Time(now),
            Route = rule.Route,
            Details = Details(rule, unit, reason) with { Entities = entities },
        };
    }

    private AlertDetails Details(RuleDefinition rule, string unit, string? reason) => new()
    {
        Contact = _appliance.Contact,
        Rule = rule.Id,
        Condition = rule.Describe(),
        Metric = rule.Metric,
        Unit = unit,
        Above = rule.Above,
        Below = rule.Below,
        ClearAbove = rule.ClearAbove,
        ClearBelow = rule.ClearBelow,
        States = rule.States,
        Window = rule.Aggregate == Aggregate.Last ? null : Durations.Format(rule.Window),
        Aggregate = rule.Aggregate == Aggregate.Last ? null : rule.Aggregate.ToString().ToLowerInvariant(),
        Reason = reason,
    };

    private string Summary(RuleDefinition rule, string entity, string? value, string unit, int count)
    {
        var template = rule.Summary ?? (rule.Group == GroupBy.Rule ? SummaryTemplate.DefaultGroup : SummaryTemplate.DefaultEntity);
        return SummaryTemplate.Render(template, name => name switch
        {
            "appliance" => _appliance.Id,
            "site" => _appliance.Site,
            "rack" => _appliance.Rack,
            "rule" => rule.Id,
            "entity" => entity,
            "metric" => rule.Metric,
            "value" => value,
            "unit" => unit.Length > 0 && unit != "%" && unit != "°C" ? " " + unit : unit,
            "above" => Number(rule.Above),
            "below" => Number(rule.Below),
            "clear" => Number(rule.ClearAbove ?? rule.ClearBelow),
            "condition" => rule.Describe(),
            "severity" => rule.Severity.ToString().ToLowerInvariant(),
            "count" => count.ToString(CultureInfo.InvariantCulture),
            _ => null,
        });
    }

    /// <summary>
    /// The unit of the value and thresholds the condition compares: a rate is per minute (°C/min), not the metric's
    /// own unit, which would show a 6 °C/min rise as "6 °C". The recent readings stay in the metric's unit.
    /// </summary>
    private static string UnitOf(RuleDefinition rule, string metricUnit) =>
        rule.Aggregate == Aggregate.Rate ? metricUnit + "/min" : metricUnit;

    private static string? Number(double? d) => d?.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
