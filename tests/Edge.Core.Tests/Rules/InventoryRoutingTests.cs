using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Series;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class InventoryRoutingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly SourceDescriptor Device42 = new("device42", SourceKind.Inventory, TimeSpan.FromMinutes(15), 100);

    // A sensor whose id is an inventory kind must keep its own readings.
    private static readonly SourceDescriptor SensorNamedOs = new("os", SourceKind.LocalSensor, TimeSpan.FromSeconds(10), 5);

    [Fact]
    public void Inventory_entities_belong_to_the_inventory_source_and_only_inventory_types_see_them()
    {
        var (engine, sink) = Engine(
            Rule("any-prohibited", RuleType.ProhibitedSoftware, Metrics.Installed, above: 0),
            Rule("hot", RuleType.Sensor, Metrics.TemperatureC, above: 27));

        Accept(engine, "prohibited/uTorrent/ws-042", Metrics.Installed, 1, T0);
        Accept(engine, "os", Metrics.TemperatureC, 30, T0);
        Accept(engine, "software/Vim", Metrics.TemperatureC, 30, T0);

        Assert.Equal(["dc1/any-prohibited/prohibited/uTorrent/ws-042", "dc1/hot/os"], sink.Triggers.Select(e => e.DedupKey));
        Assert.True(engine.Store.TryGet("prohibited/uTorrent/ws-042", Metrics.Installed, out var series));
        Assert.Equal(EntityKind.Prohibited, series.Kind);
        Assert.Equal("device42", series.Source.Id);
    }

    [Fact]
    public void A_finding_that_reads_installed_zero_resolves_and_a_missing_reading_does_not()
    {
        var (engine, sink) = Engine(Rule("any-prohibited", RuleType.ProhibitedSoftware, Metrics.Installed, above: 0));

        Accept(engine, "prohibited/uTorrent/ws-042", Metrics.Installed, 1, T0);
        Accept(engine, "device42", Metrics.Reachable, 0, T0.AddMinutes(15));
        Assert.Empty(sink.Resolves);
        Accept(engine, "prohibited/uTorrent/ws-042", Metrics.Installed, 0, T0.AddMinutes(30));

        Assert.Equal(["dc1/any-prohibited/prohibited/uTorrent/ws-042"], sink.Resolves.Select(e => e.DedupKey));
    }

    [Fact]
    public void Without_an_inventory_source_inventory_readings_are_refused()
    {
        var config = new MonitorConfig(new ApplianceIdentity("dc1", null, null), [SensorNamedOs], [], MonitorConfig.DefaultSeriesMemoryBudget);
        var engine = new RuleEngine(config, new AlertTracker(config.Appliance, new RecordingSink()));

        Accept(engine, "software/Vim", Metrics.Count, 3, T0);

        Assert.Equal(1, engine.Refused);
    }

    [Fact]
    public void The_memory_budget_sizes_inventory_series_for_the_longest_window_of_an_inventory_rule()
    {
        var rule = Rule("software-trend", RuleType.SoftwareCount, Metrics.Count, above: 10) with
        {
            Select = Selector.Of("software/*"), Window = TimeSpan.FromHours(24), Aggregate = Aggregate.Avg,
        };

        var bytes = SeriesSizing.WorstCase([Device42], [rule]);

        // 24 h at 15 min is 96 readings, +2.
        Assert.Equal(100 * SeriesSizing.Bytes(98), bytes);
    }

    private static (RuleEngine, RecordingSink) Engine(params RuleDefinition[] rules)
    {
        var sink = new RecordingSink();
        var config = new MonitorConfig(new ApplianceIdentity("dc1", null, null), [Device42, SensorNamedOs], rules, MonitorConfig.DefaultSeriesMemoryBudget);
        return (new RuleEngine(config, new AlertTracker(config.Appliance, sink)), sink);
    }

    private static RuleDefinition Rule(string id, RuleType type, string metric, double? above = null) =>
        new() { Id = id, Type = type, Select = Selector.All, Metric = metric, Above = above };

    private static void Accept(RuleEngine engine, string entity, string metric, double value, DateTimeOffset time)
    {
        engine.Accept(new Reading(entity, metric, value, time));
        engine.EndBatch(time);
    }
}
