using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Series;

namespace Edge.Core.Rules;

/// <summary>
/// The evaluate stage: takes each reading into its series, derives dew point, and evaluates the rules that select
/// the series, handing every transition to the <see cref="AlertTracker"/>. One thread owns an engine. Once every
/// series has been seen, accepting a reading allocates nothing.
/// </summary>
public sealed class RuleEngine
{
    // Temperature and humidity belong to one measurement when their times are this close.
    private static readonly long SameMeasurementTicks = TimeSpan.FromSeconds(1).Ticks;
    private const int MaxRememberedRefusals = 4096;
    private static readonly int OnBattery = Metrics.Get(Metrics.OutputSource).StateCode("battery");

    private readonly Dictionary<string, SourceDescriptor> _sources;
    private readonly SourceDescriptor? _inventory;
    private readonly Dictionary<string, AlertRecord> _carried = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _refused = new();

    public RuleEngine(MonitorConfig config, AlertTracker tracker, IEnumerable<AlertRecord>? carried = null)
    {
        Config = config;
        Tracker = tracker;
        Store = new SeriesStore(config.SeriesMemoryBudget);
        _sources = config.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _inventory = config.Sources.FirstOrDefault(s => s.Kind == SourceKind.Inventory);
        foreach (var record in carried ?? [])
            _carried[CarryKey(record.RuleId, record.Entity)] = record;
    }

    public MonitorConfig Config { get; }
    public AlertTracker Tracker { get; }
    public SeriesStore Store { get; }

    /// <summary>Readings refused: not a number, unknown device or metric, over the memory budget, or older than the series' newest.</summary>
    public long Refused { get; private set; }

    public void Accept(in Reading reading)
    {
        // Absence is not a value: a NaN compares false both ways, so it would read as "cleared" and resolve an alert,
        // and in the ring buffer it would turn every average over the window into NaN.
        if (!double.IsFinite(reading.Value))
        {
            Refused++;
            return;
        }
        if (!Store.TryGet(reading.Entity, reading.Metric, out var series))
        {
            series = Register(reading.Entity, reading.Metric)!;
            if (series is null)
            {
                Refused++;
                return;
            }
        }
        var ticks = reading.Time.UtcTicks;
        if (!series.Add(ticks, reading.Value))
        {
            Refused++;
            return;
        }
        Evaluate(series, ticks);
        if (reading.Metric is Metrics.TemperatureC or Metrics.HumidityPct)
            DeriveDewPoint(reading.Entity, ticks);
        else if (reading.Metric is Metrics.Reachable && series.Kind == EntityKind.Device)
            DeriveLostOnBattery(reading.Entity, ticks, reading.Value);
    }

    /// <summary>Ends a batch of readings: grouped incidents whose entities changed send their one event.</summary>
    public void EndBatch(DateTimeOffset now) => Tracker.FlushGroups(now.UtcTicks);

    /// <summary>Every alert that is not Ok, as it stands (for the status snapshot).</summary>
    public IEnumerable<AlertRecord> Snapshot()
    {
        foreach (var series in Store.All)
        {
            foreach (var alert in series.Alerts)
            {
                if (alert.Phase != AlertPhase.Ok)
                    yield return AlertTracker.Record(alert);
            }
        }
        foreach (var record in _carried.Values)
            yield return record;
    }

    /// <summary>
    /// The trigger an open alert (<paramref name="entity"/> null: a rule's grouped incident) would send now; null when it
    /// is not open. An alert carried over a restart whose series has not reported since is brought back first, so a
    /// sensor that stays silent after a restart cannot keep its alert from being paged.
    /// </summary>
    public AlertEvent? CurrentTrigger(string ruleId, string? entity, DateTimeOffset now)
    {
        if (Config.Rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule)
            return null;
        if (entity is null)
        {
            foreach (var record in _carried.Values.Where(r => r.RuleId == ruleId).ToList())
                Register(record.Entity, rule.Metric);
            return Tracker.CurrentGroupTrigger(ruleId, now.UtcTicks);
        }
        if (!Store.TryGet(entity, rule.Metric, out var series))
            series = _carried.ContainsKey(CarryKey(ruleId, entity)) ? Register(entity, rule.Metric) : null;
        var alert = series?.Alerts.FirstOrDefault(a => a.Rule.Id == ruleId);
        return alert is null ? null : Tracker.CurrentTrigger(alert, now.UtcTicks);
    }

    /// <summary>
    /// A new engine for a new configuration. Series keep their history (re-sized to the new rules); alerts of rules
    /// that still exist keep their state and are re-evaluated under the new condition; open alerts of deleted rules,
    /// or of rules that now send to another incident, are resolved.
    /// </summary>
    public RuleEngine Reload(MonitorConfig config, DateTimeOffset now)
    {
        var carried = new List<AlertRecord>();
        foreach (var old in Store.All)
        {
            foreach (var alert in old.Alerts)
            {
                if (Survives(config, alert))
                {
                    if (alert.Phase != AlertPhase.Ok)
                        carried.Add(AlertTracker.Record(alert));
                }
                else
                {
                    Tracker.Retire(alert, now.UtcTicks, $"rule '{alert.Rule.Id}' was deleted, or no longer selects this entity or sends to this incident, on reload");
                }
            }
        }
        foreach (var record in _carried.Values)
        {
            if (config.Rules.Any(rule => rule.Id == record.RuleId && AlertTracker.Fingerprint(rule) == record.RuleFingerprint))
                carried.Add(record);
            else
                Tracker.Forget(record);
        }
        Tracker.FlushGroups(now.UtcTicks);
        Tracker.ForgetGroups();
        var next = new RuleEngine(config, Tracker, carried);
        foreach (var old in Store.All)
        {
            var series = next.Register(old.Entity, old.Metric);
            if (series is null)
                continue;
            series.CopyFrom(old);
            if (series.TryLast(out var last, out _))
                next.Evaluate(series, last);
        }
        return next;
    }

    private static bool Survives(MonitorConfig config, Alert alert)
    {
        var series = alert.Series;
        var source = config.Sources.FirstOrDefault(s => s.Id == series.Source.Id);
        return source is not null && config.Rules.Any(r =>
            r.Id == alert.Rule.Id
            && AlertTracker.Fingerprint(r) == AlertTracker.Fingerprint(alert.Rule)
            && r.Metric == series.Metric
            && r.Type.Sees(source.Kind, series.Kind)
            && r.Select.Matches(series.Entity));
    }

    private void Evaluate(Series.Series series, long now)
    {
        foreach (var alert in series.Alerts)
        {
            var rule = alert.Rule;
            if (!series.TryAggregate(rule.Aggregate, now - rule.Window.Ticks, out var value))
                continue;
            alert.Value = value;
            bool breached, cleared;
            if (rule.IsStateRule)
            {
                var code = (int)value;
                breached = code is >= 0 and < 64 && (alert.StateMask & (1UL << code)) != 0;
                cleared = !breached;
            }
            else
            {
                breached = value > rule.Above || value < rule.Below;
                cleared = !(value > (rule.ClearAbove ?? rule.Above) || value < (rule.ClearBelow ?? rule.Below));
            }
            Tracker.Step(alert, breached, cleared, now);
        }
    }

    private void DeriveDewPoint(string entity, long ticks)
    {
        if (!Store.TryGet(entity, Metrics.TemperatureC, out var temperature)
            || !Store.TryGet(entity, Metrics.HumidityPct, out var humidity)
            || !temperature.TryLast(out var tt, out var t)
            || !humidity.TryLast(out var ht, out var h)
            || Math.Abs(tt - ht) > SameMeasurementTicks
            || Math.Max(tt, ht) != ticks
            || !DewPoint.TryCompute(t, h, out var dewPoint))
            return;
        Accept(new Reading(entity, Metrics.DewPointC, Math.Round(dewPoint, 2), new DateTimeOffset(ticks, TimeSpan.Zero)));
    }

    /// <summary>
    /// A UPS that stops answering while on battery may be about to drop its load: the last thing it said is the best
    /// evidence there is. Derived on every <c>reachable</c> reading of a device that has ever reported
    /// <c>output_source</c>, so it resolves as soon as the device answers again.
    /// </summary>
    private void DeriveLostOnBattery(string entity, long ticks, double reachable)
    {
        if (!Store.TryGet(entity, Metrics.OutputSource, out var source) || !source.TryLast(out _, out var state))
            return;
        var lost = reachable < 1 && (int)state == OnBattery ? 1 : 0;
        Accept(new Reading(entity, Metrics.LostOnBattery, lost, new DateTimeOffset(ticks, TimeSpan.Zero)));
    }

    private Series.Series? Register(string entity, string metric)
    {
        if (_refused.Contains((entity, metric)))
            return null;
        var series = TryRegister(entity, metric);
        if (series is null && _refused.Count < MaxRememberedRefusals)
            _refused.Add((entity, metric));
        return series;
    }

    private Series.Series? TryRegister(string entity, string metric)
    {
        if (!TryFindSource(entity, out var source, out var kind) || !Metrics.All.TryGetValue(metric, out var info))
            return null;
        var rules = Config.Rules.Where(r => r.Metric == metric && r.Type.Sees(source.Kind, kind) && r.Select.Matches(entity)).ToArray();
        var window = rules.Length == 0 ? TimeSpan.Zero : rules.Max(r => r.Window);
        var series = Store.Add(entity, metric, info, source, kind, SeriesSizing.Capacity(source.Interval, window));
        if (series is null)
            return null;
        series.Alerts = rules.Select(r => new Alert(r, series)).ToArray();
        foreach (var alert in series.Alerts)
        {
            if (_carried.Remove(CarryKey(alert.Rule.Id, entity), out var record))
                Tracker.Restore(alert, record);
        }
        return series;
    }

    /// <summary>
    /// The source of an entity: the device its id starts with, or for an inventory entity (software/…, os/…,
    /// subnet/…, partmodel/…, prohibited/…) the inventory source. A device id wins where both could apply.
    /// </summary>
    private bool TryFindSource(string entity, out SourceDescriptor source, out EntityKind kind)
    {
        if (EntityId.TryParse(entity, out var device, out kind) && _sources.TryGetValue(device, out source!))
            return true;
        source = _inventory!;
        return _inventory is not null && EntityId.TryParseInventory(entity, out kind);
    }

    private static string CarryKey(string rule, string entity) => rule + "\n" + entity;
}
