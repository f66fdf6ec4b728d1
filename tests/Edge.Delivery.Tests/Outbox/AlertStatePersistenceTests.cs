using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;
using Edge.Delivery.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>A restart neither resets a long <c>for</c> nor forgets what is open, nor pages twice.</summary>
public class AlertStatePersistenceTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly MonitorConfig _config = new(
        new ApplianceIdentity("dc1-r12", "DC1", "R12"),
        [new SourceDescriptor("s1", SourceKind.LocalSensor, TimeSpan.FromSeconds(10), 5)],
        [new RuleDefinition { Id = "rack-hot", Type = RuleType.Sensor, Select = Selector.All, Metric = Metrics.TemperatureC, Above = 27, For = TimeSpan.FromMinutes(10) }],
        MonitorConfig.DefaultSeriesMemoryBudget);

    public void Dispose() => _dir.Dispose();

    /// <summary>One run of the daemon: the outbox reopened, the engine started from the persisted state.</summary>
    private sealed class Run : IDisposable
    {
        public Run(AlertStatePersistenceTests t)
        {
            Store = OutboxStore.Open(t._dir.Path, t._time);
            Writer = new OutboxWriter(Store, new FakeBootClock(t._time), new FakeClockSync(), t._time, NullLogger<OutboxWriter>.Instance);
            Engine = new RuleEngine(t._config, new AlertTracker(t._config.Appliance, Batch, Batch), Writer.LoadState());
            Time = t._time;
        }

        public OutboxStore Store { get; }
        public OutboxWriter Writer { get; }
        public AlertBatch Batch { get; } = new();
        public RuleEngine Engine { get; }
        public FakeTimeProvider Time { get; }

        public void Read(double celsius)
        {
            Engine.Accept(new Reading("s1", Metrics.TemperatureC, celsius, Time.GetUtcNow()));
            Assert.True(Writer.Commit(Batch));
            Time.Advance(TimeSpan.FromSeconds(10));
        }

        public void Dispose() => Store.Dispose();
    }

    [Fact]
    public void A_pending_for_timer_survives_a_restart_and_a_firing_alert_is_not_paged_again()
    {
        using (var run = new Run(this))
        {
            run.Read(28);
            Assert.Equal(AlertPhase.Pending, Assert.Single(run.Store.LoadAlertState()).Phase);
            _time.Advance(TimeSpan.FromMinutes(6));
        }
        using (var run = new Run(this))
        {
            _time.Advance(TimeSpan.FromMinutes(4));
            run.Read(28);
            var trigger = Assert.Single(run.Store.All());
            Assert.Equal(EventAction.Trigger, trigger.Event.Action);
            Assert.Equal(AlertPhase.Firing, Assert.Single(run.Store.LoadAlertState()).Phase);
        }
        using (var run = new Run(this))
        {
            run.Read(28.5);
            run.Read(29);
            Assert.Single(run.Store.All());
            run.Read(20);
            Assert.Equal([EventAction.Trigger, EventAction.Resolve], run.Store.All().Select(e => e.Event.Action));
            Assert.Empty(run.Store.LoadAlertState());
            Assert.Empty(run.Store.OpenIncidents());
        }
    }

    [Fact]
    public void Readings_that_change_nothing_write_nothing()
    {
        using var run = new Run(this);
        run.Read(20);
        run.Read(21);
        run.Read(28);
        var before = new FileInfo(run.Store.Path + "-wal").Length;

        for (var i = 0; i < 20; i++)
            run.Read(28 + i * 0.01);

        Assert.Equal(before, new FileInfo(run.Store.Path + "-wal").Length);
    }
}
