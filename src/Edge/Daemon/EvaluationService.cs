using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Daemon;

/// <summary>
/// The evaluate stage's one thread: takes readings off the channel into the rule engine, and publishes a status
/// snapshot at most once a second.
/// </summary>
public sealed class EvaluationService(ConfigState config, ReadingChannel channel, EventFanOut events, StatusBoard board, TimeProvider time, ILogger<EvaluationService> logger,
    OutboxWriter outbox)
    : BackgroundService
{
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromSeconds(1);

    // Starts from the persisted alert state: a restart neither forgets a firing alert nor resets a pending `for`.
    private RuleEngine _engine = new(config.Current.Monitor, new AlertTracker(config.Current.Monitor.Appliance, events.AsSink()), outbox.LoadState());
    private int _generation = config.Generation;
    private DateTimeOffset _lastSnapshot = DateTimeOffset.MinValue;
    private long _reportedDrops;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = channel.Reader;
        try
        {
            while (true)
            {
                var readable = reader.WaitToReadAsync(stoppingToken).AsTask();
                await Task.WhenAny(readable, config.WaitForChangeAsync(_generation, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
                if (config.Generation != _generation)
                {
                    _generation = config.Generation;
                    _engine = _engine.Reload(config.Current.Monitor, time.GetUtcNow());
                }
                while (reader.TryRead(out var reading))
                    _engine.Accept(reading);
                var now = time.GetUtcNow();
                _engine.EndBatch(now);
                // One transaction per batch: the batch's events (grouped incidents' included) with the alert-state changes that produced them.
                outbox.Commit(_engine.Snapshot());
                if (now - _lastSnapshot >= SnapshotEvery)
                {
                    _lastSnapshot = now;
                    board.Publish(Snapshot(now));
                    if (channel.Dropped > _reportedDrops)
                    {
                        _reportedDrops = channel.Dropped;
                        Log.ReadingsDropped(logger, _reportedDrops);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private StatusSnapshot Snapshot(DateTimeOffset now)
    {
        var readings = new List<LatestReading>();
        var open = new List<OpenAlert>();
        foreach (var series in _engine.Store.All)
        {
            if (series.TryLast(out var ticks, out var value))
                readings.Add(new LatestReading(series.Entity, series.Metric, series.Info.Format(value), series.Info.Unit, new DateTimeOffset(ticks, TimeSpan.Zero)));
        }
        foreach (var record in _engine.Snapshot())
        {
            var rule = _engine.Config.Rules.FirstOrDefault(r => r.Id == record.RuleId);
            var since = record.Phase is AlertPhase.Pending ? record.PhaseSince : record.FiredAt;
            var value = _engine.Store.TryGet(record.Entity, rule?.Metric ?? "", out var s) ? s.Info.Format(record.Value) : record.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            open.Add(new OpenAlert(record.RuleId, record.Entity, record.Phase, rule?.Severity.ToString().ToLowerInvariant() ?? "", value, new DateTimeOffset(since, TimeSpan.Zero)));
        }
        readings.Sort((a, b) => (a.Entity, a.Metric).CompareTo((b.Entity, b.Metric)));
        return new StatusSnapshot(now, readings, open, _engine.Refused, channel.Dropped, _engine.Store.AllocatedBytes, _engine.Store.BudgetBytes);
    }
}
