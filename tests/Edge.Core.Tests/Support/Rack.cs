using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Core.Tests.Support;

/// <summary>
/// A rule engine on a fake clock with a local sensor "s1" and an SNMP device "pdu-a", both polled every 10 s;
/// tests feed readings and advance time as the daemon would.
/// </summary>
public sealed class Rack
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public Rack(params RuleDefinition[] rules)
    {
        Config = new MonitorConfig(new ApplianceIdentity("dc1-r12", "DC1", "R12") { Contact = new Contact("Ops DC1", "ops-dc1@example.com") },
            [new SourceDescriptor("s1", SourceKind.LocalSensor, Interval, 5), new SourceDescriptor("s2", SourceKind.LocalSensor, Interval, 5),
             new SourceDescriptor("pdu-a", SourceKind.SnmpDevice, Interval, 64), new SourceDescriptor("ups-1", SourceKind.SnmpDevice, Interval, 64)],
            rules, MonitorConfig.DefaultSeriesMemoryBudget);
        Engine = new RuleEngine(Config, new AlertTracker(Config.Appliance, Sink, Batch));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    public RecordingSink Sink { get; } = new();

    /// <summary>The alert-state changes since the test last cleared it (the events go to <see cref="Sink"/>).</summary>
    public AlertBatch Batch { get; } = new();
    public MonitorConfig Config { get; }
    public RuleEngine Engine { get; private set; }

    /// <summary>One reading as its own batch, as the daemon sees a reading that arrives alone.</summary>
    public void Read(string entity, string metric, double value) => Accept(new Reading(entity, metric, value, Clock.GetUtcNow()));

    public void ReadState(string entity, string metric, string state) => Accept(Reading.State(entity, metric, state, Clock.GetUtcNow()));

    private void Accept(Reading reading)
    {
        Engine.Accept(reading);
        Engine.EndBatch(Clock.GetUtcNow());
    }

    /// <summary>One poll: the reading now, then the clock moves on by the poll interval.</summary>
    public void Poll(string entity, string metric, double value)
    {
        Read(entity, metric, value);
        Clock.Advance(Interval);
    }

    public void PollTemperature(params double[] values)
    {
        foreach (var v in values)
            Poll("s1", Metrics.TemperatureC, v);
    }

    public void Reload(params RuleDefinition[] rules) => Engine = Engine.Reload(Config with { Rules = rules }, Clock.GetUtcNow());

    public static RuleDefinition Hot(string id = "rack-hot") => new()
    {
        Id = id,
        Type = RuleType.Sensor,
        Select = Selector.All,
        Metric = Metrics.TemperatureC,
        Above = 27,
    };
}
