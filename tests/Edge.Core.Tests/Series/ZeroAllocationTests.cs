using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Series;

public class ZeroAllocationTests
{
    [Fact]
    public void Steady_state_evaluation_of_100000_readings_across_many_series_and_rules_allocates_nothing()
    {
        const int devices = 50;
        var sources = Enumerable.Range(0, devices).Select(i => new SourceDescriptor($"pdu-{i}", SourceKind.SnmpDevice, TimeSpan.FromSeconds(10), 64))
            .Concat(Enumerable.Range(0, devices).Select(i => new SourceDescriptor($"s{i}", SourceKind.LocalSensor, TimeSpan.FromSeconds(10), 5)))
            .ToList();
        var rules = new List<RuleDefinition>
        {
            Rack.Hot() with { Select = Selector.Of("s*") },
            Rack.Hot("hot-avg") with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(5), ClearAbove = 26 },
            Rack.Hot("hot-max") with { Aggregate = Aggregate.Max, Window = TimeSpan.FromMinutes(2), For = TimeSpan.FromMinutes(1) },
            Rack.Hot("heating") with { Above = 2, Aggregate = Aggregate.Rate, Window = TimeSpan.FromMinutes(1) },
            Rack.Hot("always-firing") with { Above = 0, Select = Selector.Of("pdu-*/sensor/*") },
            Rack.Hot("dew") with { Metric = Metrics.DewPointC, Above = 15 },
            new() { Id = "inlet", Type = RuleType.Infeed, Select = Selector.All, Metric = Metrics.CurrentA, Above = 16, ClearAbove = 15, For = TimeSpan.FromSeconds(30) },
            new() { Id = "bank", Type = RuleType.Bank, Select = Selector.All, Metric = Metrics.CurrentA, Above = 8, Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) },
            new() { Id = "on-battery", Type = RuleType.Ups, Select = Selector.All, Metric = Metrics.OutputSource, States = ["battery", "bypass"] },
            new() { Id = "offline", Type = RuleType.PowerUnitOffline, Select = Selector.All, Metric = Metrics.Reachable, Below = 1, For = TimeSpan.FromSeconds(30) },
        };
        var config = new MonitorConfig(new ApplianceIdentity("dc1"), sources, rules, MonitorConfig.DefaultSeriesMemoryBudget);
        var sink = new RecordingSink();
        var engine = new RuleEngine(config, new AlertTracker(config.Appliance, sink));

        // Every series of the rack: per PDU 2 inlets, 4 banks, 2 sensors (temperature and humidity), state and reachable; per local sensor temperature and humidity.
        var series = new List<(string Entity, string Metric, double Low, double High)>();
        for (var d = 0; d < devices; d++)
        {
            for (var i = 1; i <= 2; i++) series.Add(($"pdu-{d}/inlet/{i}", Metrics.CurrentA, 3, 12));
            for (var b = 1; b <= 4; b++) series.Add(($"pdu-{d}/bank/{b}", Metrics.CurrentA, 1, 6));
            for (var s = 1; s <= 2; s++)
            {
                series.Add(($"pdu-{d}/sensor/{s}", Metrics.TemperatureC, 22, 25));
                series.Add(($"pdu-{d}/sensor/{s}", Metrics.HumidityPct, 30, 50));
            }
            series.Add(($"pdu-{d}", Metrics.OutputSource, 0, 0));
            series.Add(($"pdu-{d}", Metrics.Reachable, 1, 1));
            series.Add(($"s{d}", Metrics.TemperatureC, 20, 24));
            series.Add(($"s{d}", Metrics.HumidityPct, 35, 45));
        }
        var time = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        // Slow waves, as real racks drift: no rule starts or stops firing in steady state.
        var values = Enumerable.Range(0, 64).Select(i => 0.5 + 0.5 * Math.Sin(i * Math.PI / 32)).ToArray();

        void Round(int round)
        {
            var t = time.AddSeconds(10 * round);
            for (var i = 0; i < series.Count; i++)
            {
                var (entity, metric, low, high) = series[i];
                engine.Accept(new Reading(entity, metric, low + (high - low) * values[(i + round / 4) & 63], t));
            }
            engine.EndBatch(t);
        }

        // Warm up: every series seen, every buffer filled, the always-firing alerts fired once.
        for (var round = 0; round < 40; round++)
            Round(round);
        var eventsBefore = sink.Events.Count;
        Assert.Equal(2 * devices, sink.Events.Count(e => e.RuleId == "always-firing"));

        var readings = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 40; readings < 100_000; round++)
        {
            Round(round);
            readings += series.Count;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(eventsBefore, sink.Events.Count);
        Assert.Equal(0, engine.Refused);
        Assert.Equal(0, allocated);
    }
}
