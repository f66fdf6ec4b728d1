using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Series;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Series;

public class SeriesBudgetTests
{
    [Fact]
    public void The_worst_case_is_each_sources_series_limit_times_the_longest_window_that_can_reach_it()
    {
        var sources = new[]
        {
            new SourceDescriptor("s1", SourceKind.LocalSensor, TimeSpan.FromSeconds(10), 5),
            new SourceDescriptor("pdu-a", SourceKind.SnmpDevice, TimeSpan.FromSeconds(30), 100),
        };
        var rules = new[] { Rack.Hot() with { Select = Selector.Of("s1"), Aggregate = Aggregate.Avg, Window = TimeSpan.FromHours(1) } };

        var bytes = SeriesSizing.WorstCase(sources, rules);

        Assert.Equal(5 * SeriesSizing.Bytes(362) + 100 * SeriesSizing.Bytes(10), bytes);
    }

    [Fact]
    public void A_series_that_would_exceed_the_budget_is_refused_and_counted()
    {
        var config = new MonitorConfig(new ApplianceIdentity("dc1"), [new SourceDescriptor("pdu-a", SourceKind.SnmpDevice, TimeSpan.FromSeconds(10), 1000)], [], SeriesSizing.Bytes(10) * 3);
        var engine = new RuleEngine(config, new Edge.Core.Alerts.AlertTracker(config.Appliance, new RecordingSink()));

        for (var i = 1; i <= 5; i++)
            engine.Accept(new Reading($"pdu-a/outlet/{i}", Metrics.CurrentA, 1, DateTimeOffset.UnixEpoch));

        Assert.Equal(3, engine.Store.Count);
        Assert.Equal(2, engine.Refused);
        Assert.Equal(SeriesSizing.Bytes(10) * 3, engine.Store.AllocatedBytes);
    }

    [Fact]
    public void A_source_cannot_produce_more_series_than_its_limit()
    {
        var config = new MonitorConfig(new ApplianceIdentity("dc1"), [new SourceDescriptor("pdu-a", SourceKind.SnmpDevice, TimeSpan.FromSeconds(10), 2)], [], 1 << 20);
        var engine = new RuleEngine(config, new Edge.Core.Alerts.AlertTracker(config.Appliance, new RecordingSink()));

        for (var i = 1; i <= 5; i++)
            engine.Accept(new Reading($"pdu-a/outlet/{i}", Metrics.CurrentA, 1, DateTimeOffset.UnixEpoch));

        Assert.Equal(2, engine.Store.Count);
        Assert.Equal(3, engine.Refused);
    }
}
