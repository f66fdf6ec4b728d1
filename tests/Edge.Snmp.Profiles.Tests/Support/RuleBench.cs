using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>The real rule engine with SNMP devices polled every 30 s, fed with decoded polls; keeps the events it publishes.</summary>
public sealed class RuleBench : IAlertEventSink
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public RuleBench(string[] devices, params RuleDefinition[] rules)
    {
        var config = new MonitorConfig(new ApplianceIdentity("dc1-r12", "DC1", "R12"),
            [.. devices.Select(d => new SourceDescriptor(d, SourceKind.SnmpDevice, Interval, 256))],
            rules, MonitorConfig.DefaultSeriesMemoryBudget);
        Engine = new RuleEngine(config, new AlertTracker(config.Appliance, this));
    }

    public RuleEngine Engine { get; }
    public List<AlertEvent> Events { get; } = [];

    public void Publish(AlertEvent alertEvent) => Events.Add(alertEvent);

    public void Feed(IEnumerable<Reading> readings)
    {
        foreach (var r in readings)
            Engine.Accept(r);
    }

    public static RuleDefinition Rule(string id, RuleType type, string metric, double? above = null, double? below = null, params string[] states) => new()
    {
        Id = id,
        Type = type,
        Select = Selector.All,
        Metric = metric,
        Above = above,
        Below = below,
        States = states,
    };
}
