using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Delivery.Tests.Support;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>
/// The crash-safety core in one process, on the fake clock: the evaluate stage's batches committed by the outbox writer
/// into a real SQLite file and forwarded to the PagerDuty emulator on loopback. A commit that fails keeps everything for
/// the next one; a restart (a new engine and writer over the same file) resumes the alert state exactly; PagerDuty sees
/// each transition once, none lost.
/// </summary>
public class CrashSafetyTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    // Pipeline.Event's dedup keys are dc1-r12/rack-hot/<entity>: the same appliance and rule.
    private static readonly MonitorConfig Config = new(
        new ApplianceIdentity("dc1-r12", "DC1", "R12"),
        [new SourceDescriptor("s1", SourceKind.LocalSensor, Interval, 5), new SourceDescriptor("s2", SourceKind.LocalSensor, Interval, 5)],
        [new RuleDefinition { Id = "rack-hot", Type = RuleType.Sensor, Select = Selector.All, Metric = Metrics.TemperatureC, Above = 27, For = TimeSpan.FromMinutes(1) }],
        MonitorConfig.DefaultSeriesMemoryBudget);

    /// <summary>The evaluate stage of one run: the engine started from the database, one commit per batch.</summary>
    private sealed class Evaluate
    {
        private readonly Pipeline _p;
        private readonly AlertBatch _batch = new();

        public Evaluate(Pipeline p)
        {
            _p = p;
            Engine = new RuleEngine(Config, new AlertTracker(Config.Appliance, _batch, _batch), p.Writer.LoadState());
        }

        public RuleEngine Engine { get; }

        /// <summary>One batch of readings at the current time; true when its commit succeeded.</summary>
        public bool Read(params (string Entity, double Celsius)[] readings)
        {
            var now = _p.Time.GetUtcNow();
            foreach (var (entity, celsius) in readings)
                Engine.Accept(new Reading(entity, Metrics.TemperatureC, celsius, now));
            Engine.EndBatch(now);
            return _p.Writer.Commit(_batch);
        }
    }

    private static List<(string, string, AlertPhase, long, long, string)> State(IEnumerable<AlertRecord> records) =>
        records.Select(r => (r.RuleId, r.Entity, r.Phase, r.PhaseSince, r.FiredAt, r.RuleFingerprint)).OrderBy(r => r.Entity, StringComparer.Ordinal).ToList();

    private static List<string> Sent(Pipeline p) => p.Emulator.Received.Select(r => $"{r.Action} {r.DedupKey!.Split('/')[^1]}").ToList();

    [Fact]
    public async Task A_commit_that_fails_loses_nothing_and_its_events_and_state_go_with_the_next_commit()
    {
        await using var p = new Pipeline();
        var run = new Evaluate(p);
        var t0 = p.Time.GetUtcNow();
        Assert.True(run.Read(("s1", 28)));
        Assert.Equal([("rack-hot", "s1", AlertPhase.Pending, t0.UtcTicks, 0L, "Entity|")], State(p.Store.LoadAlertState()));

        using (new RefusedWrites(p.Store.Path))
        {
            // 28 > 27 for the whole minute: s1 fires; s2 starts its own minute. Neither reaches the file.
            p.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.False(run.Read(("s1", 28), ("s2", 29)));
            Assert.Equal(1, p.Writer.Unsaved);
            Assert.Empty(p.Store.All());
            Assert.Equal(AlertPhase.Pending, Assert.Single(p.Store.LoadAlertState()).Phase);
            p.Time.Advance(Interval);
            Assert.False(run.Read(("s1", 28.5), ("s2", 29)));
        }

        p.Time.Advance(Interval);
        Assert.True(run.Read(("s1", 28.5), ("s2", 29)));
        Assert.Equal(0, p.Writer.Unsaved);
        var t1 = t0 + TimeSpan.FromMinutes(1);
        Assert.Equal([("rack-hot", "s1", AlertPhase.Firing, t0.UtcTicks, t1.UtcTicks, "Entity|"), ("rack-hot", "s2", AlertPhase.Pending, t1.UtcTicks, 0L, "Entity|")],
            State(p.Store.LoadAlertState()));
        await p.PumpUntilIdleAsync();
        Assert.Equal(["trigger s1"], Sent(p));
    }

    [Fact]
    public async Task A_restart_from_the_database_resumes_every_alert_exactly_and_pages_nothing_twice()
    {
        await using var p = new Pipeline();
        var before = new Evaluate(p);
        Assert.True(before.Read(("s1", 28)));
        p.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(before.Read(("s2", 29)));
        p.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(before.Read(("s1", 28), ("s2", 29)));
        await p.PumpUntilIdleAsync();
        Assert.Equal(["trigger s1"], Sent(p));
        var state = State(before.Engine.Snapshot());

        p.Restart();
        var after = new Evaluate(p);

        Assert.Equal(state, State(after.Engine.Snapshot()));
        // s2 has been over 27 since 30 s after s1 began: its minute ends 30 s from now, and only then is it paged;
        // s1 at 20 is no longer above 27 and resolves (no clear_for) in the same batch, before s2 is read.
        Assert.True(after.Read(("s1", 28.5), ("s2", 29)));
        p.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(after.Read(("s1", 20), ("s2", 29)));
        await p.PumpUntilIdleAsync();
        Assert.Equal(["trigger s1", "resolve s1", "trigger s2"], Sent(p));
        Assert.Equal(["dc1-r12/rack-hot/s2"], p.Emulator.OpenAlerts.Select(a => a.DedupKey));
    }

    [Fact]
    public async Task A_crash_after_a_failed_commit_pages_the_lost_transition_once_after_the_restart()
    {
        await using var p = new Pipeline();
        var before = new Evaluate(p);
        Assert.True(before.Read(("s1", 28)));
        using (new RefusedWrites(p.Store.Path))
        {
            p.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.False(before.Read(("s1", 28)));
        }

        // The process dies with the trigger only in memory: the file still says Pending since the first reading.
        p.Restart();
        var after = new Evaluate(p);
        p.Time.Advance(Interval);
        Assert.True(after.Read(("s1", 28)));
        p.Time.Advance(Interval);
        Assert.True(after.Read(("s1", 28.5)));
        await p.PumpUntilIdleAsync();

        Assert.Equal(["trigger s1"], Sent(p));
        Assert.Equal(AlertPhase.Firing, Assert.Single(p.Store.LoadAlertState()).Phase);
    }
}
