using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Maintenance;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// The evaluate stage's one thread: takes readings off the channel into the rule engine, and publishes a status
/// snapshot at most once a second. Its events pass the maintenance gate on their way to the outbox; while a window is
/// open (or holds a trigger back) it also wakes once a second without readings, to notice a window that ended or was
/// changed by <c>edge maintenance</c> or the button.
/// </summary>
public sealed class EvaluationService : BackgroundService
{
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaintenanceCheckEvery = TimeSpan.FromSeconds(1);

    private readonly ConfigState _config;
    private readonly ReadingChannel _channel;
    private readonly StatusBoard _board;
    private readonly TimeProvider _time;
    private readonly ILogger<EvaluationService> _logger;
    private readonly IAlertOutbox _outbox;
    private readonly OutboxStore _store;
    private readonly AlertBatch _batch = new();
    private readonly MaintenanceGate _gate;
    private RuleEngine _engine;
    private int _generation;
    private DateTimeOffset _lastSnapshot = DateTimeOffset.MinValue;
    private long _reportedDrops;
    private long _maintenanceVersion = -1;
    private IReadOnlyList<MaintenanceWindow> _openWindows = [];

    public EvaluationService(ConfigState config, ReadingChannel channel, StatusBoard board, TimeProvider time, ILogger<EvaluationService> logger,
        IAlertOutbox outbox, OutboxStore store)
    {
        (_config, _channel, _board, _time, _logger, _outbox, _store) = (config, channel, board, time, logger, outbox, store);
        _generation = config.Generation;
        _gate = new MaintenanceGate(_batch, outbox.OpenIncidentKeys());
        // Starts from the persisted alert state: a restart neither forgets a firing alert nor resets a pending `for`,
        // nor lets a trigger held back by a window slip out, or stay held if the window ended while Edge was down.
        var records = outbox.LoadState();
        _engine = new RuleEngine(config.Current.Monitor, new AlertTracker(config.Current.Monitor.Appliance, _gate, _batch), records);
        // Windows back to the earliest firing alert's start: the one that covered it then is the one its late page names.
        var fired = records.Where(r => r.Phase is AlertPhase.Firing or AlertPhase.Clearing).Select(r => r.FiredAt).DefaultIfEmpty(time.GetUtcNow().UtcTicks).Min();
        var earliest = new DateTimeOffset(fired, TimeSpan.Zero);
        _gate.Resume(config.Current.Monitor, records, store.MaintenanceWindows(earliest));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _channel.Reader;
        Task<bool>? readable = null;
        try
        {
            while (true)
            {
                readable = readable is { IsCompleted: false } ? readable : reader.WaitToReadAsync(stoppingToken).AsTask();
                var changed = _config.WaitForChangeAsync(_generation, stoppingToken);
                if (_openWindows.Count > 0 || _gate.HeldKeys.Count > 0)
                {
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    await Task.WhenAny(readable, changed, Task.Delay(MaintenanceCheckEvery, _time, tick.Token));
                    await tick.CancelAsync();
                }
                else
                {
                    await Task.WhenAny(readable, changed);
                }
                stoppingToken.ThrowIfCancellationRequested();
                if (_config.Generation != _generation)
                {
                    _generation = _config.Generation;
                    _engine = _engine.Reload(_config.Current.Monitor, _time.GetUtcNow());
                }
                var windowsChanged = RefreshWindows(_time.GetUtcNow());
                // Before the batch's readings: a held trigger goes out before a resolve of the same alert can.
                _gate.Release(_engine, _time.GetUtcNow());
                while (reader.TryRead(out var reading))
                    _engine.Accept(reading);
                var now = _time.GetUtcNow();
                _engine.EndBatch(now);
                // One transaction per batch: the batch's events (grouped incidents' included) with the alert-state changes that produced them.
                _outbox.Commit(_batch);
                if (now - _lastSnapshot >= SnapshotEvery || windowsChanged)
                {
                    _lastSnapshot = now;
                    _board.Publish(Snapshot(now));
                    if (_channel.Dropped > _reportedDrops)
                    {
                        _reportedDrops = _channel.Dropped;
                        Log.ReadingsDropped(_logger, _reportedDrops);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Reads the windows again when the database says they may have changed or one has reached its end, logs each
    /// that opened, moved its end or closed, and hands the open ones to the gate. True when the open set changed.
    /// </summary>
    private bool RefreshWindows(DateTimeOffset now)
    {
        var version = _store.MaintenanceVersion();
        if (version == _maintenanceVersion && _openWindows.All(w => w.IsOpenAt(now)))
            return false;
        _maintenanceVersion = version;
        var open = _store.MaintenanceWindows(now).Where(w => w.IsOpenAt(now)).ToList();
        var changed = false;
        foreach (var w in open)
        {
            var before = _openWindows.FirstOrDefault(o => o.Id == w.Id);
            if (before is null || before.End != w.End)
            {
                changed = true;
                Log.MaintenanceOpen(_logger, w.Id, MaintenanceWindow.FormatSelector(w.Selector), w.Rules.Count == 0 ? "every rule" : string.Join(",", w.Rules), w.End, w.Reason, w.StartedBy);
            }
        }
        foreach (var w in _openWindows.Where(o => open.All(w => w.Id != o.Id)))
        {
            changed = true;
            Log.MaintenanceClosed(_logger, w.Id, w.Reason);
        }
        _openWindows = open;
        _gate.Windows = open;
        return changed;
    }

    private StatusSnapshot Snapshot(DateTimeOffset now)
    {
        var readings = new List<LatestReading>();
        var open = new List<OpenAlert>();
        foreach (var series in _engine.Store.All)
        {
            if (series.TryLast(out var ticks, out var value))
                readings.Add(new LatestReading(series.Entity, series.Metric, series.Info, value, new DateTimeOffset(ticks, TimeSpan.Zero)));
        }
        foreach (var record in _engine.Snapshot())
        {
            var rule = _engine.Config.Rules.FirstOrDefault(r => r.Id == record.RuleId);
            var since = record.Phase is AlertPhase.Pending ? record.PhaseSince : record.FiredAt;
            var info = _engine.Store.TryGet(record.Entity, rule?.Metric ?? "", out var s) ? s.Info : null;
            open.Add(new OpenAlert(record.RuleId, record.Entity, record.Phase, rule?.Severity, record.Value, info, new DateTimeOffset(since, TimeSpan.Zero)));
        }
        readings.Sort((a, b) => (a.Entity, a.Metric).CompareTo((b.Entity, b.Metric)));
        return new StatusSnapshot(now, readings, open, _engine.Refused, _channel.Dropped, _engine.Store.AllocatedBytes, _engine.Store.BudgetBytes) { Maintenance = _openWindows };
    }
}
