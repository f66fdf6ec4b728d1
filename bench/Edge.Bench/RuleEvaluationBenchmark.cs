using BenchmarkDotNet.Attributes;
using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;

namespace Edge.Bench;

/// <summary>
/// Rule evaluation throughput: readings accepted per second on one core across 1,000 series and 100 rules, in
/// steady state (every series already seen, no alert changing state), and bytes allocated per reading.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmark
{
    private const int Devices = 100;
    private const int SeriesPerDevice = 10;
    public const int ReadingsPerInvoke = Devices * SeriesPerDevice;

    private RuleEngine _engine = null!;
    private (string Entity, string Metric)[] _series = null!;
    private DateTimeOffset _time = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var sources = Enumerable.Range(0, Devices).Select(i => new SourceDescriptor($"pdu-{i}", SourceKind.SnmpDevice, TimeSpan.FromSeconds(10), 64)).ToList();
        // 100 rules: per device-group a mix of thresholds, windows, rates and states, each selecting a slice of the rack.
        var rules = new List<RuleDefinition>();
        for (var g = 0; g < 20; g++)
        {
            var select = Selector.Of($"pdu-{g}*");
            rules.Add(new() { Id = $"inlet-{g}", Type = RuleType.Infeed, Select = select, Metric = Metrics.CurrentA, Above = 16, ClearAbove = 15, For = TimeSpan.FromSeconds(30) });
            rules.Add(new() { Id = $"bank-avg-{g}", Type = RuleType.Bank, Select = select, Metric = Metrics.CurrentA, Above = 8, Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(5) });
            rules.Add(new() { Id = $"hot-{g}", Type = RuleType.Sensor, Select = select, Metric = Metrics.TemperatureC, Above = 30, Aggregate = Aggregate.Max, Window = TimeSpan.FromMinutes(2) });
            rules.Add(new() { Id = $"heating-{g}", Type = RuleType.Sensor, Select = select, Metric = Metrics.TemperatureC, Above = 2, Aggregate = Aggregate.Rate, Window = TimeSpan.FromMinutes(1) });
            rules.Add(new() { Id = $"battery-{g}", Type = RuleType.Ups, Select = select, Metric = Metrics.OutputSource, States = ["battery"] });
        }
        var config = new MonitorConfig(new ApplianceIdentity("bench"), sources, rules, 64L << 20);
        _engine = new RuleEngine(config, new AlertTracker(config.Appliance, new NullSink()));
        _series = Enumerable.Range(0, Devices).SelectMany(d => new[]
        {
            ($"pdu-{d}/inlet/1", Metrics.CurrentA), ($"pdu-{d}/inlet/2", Metrics.CurrentA),
            ($"pdu-{d}/bank/1", Metrics.CurrentA), ($"pdu-{d}/bank/2", Metrics.CurrentA), ($"pdu-{d}/bank/3", Metrics.CurrentA),
            ($"pdu-{d}/sensor/1", Metrics.TemperatureC), ($"pdu-{d}/sensor/1", Metrics.HumidityPct),
            ($"pdu-{d}/sensor/2", Metrics.TemperatureC), ($"pdu-{d}", Metrics.OutputSource), ($"pdu-{d}", Metrics.Reachable),
        }).ToArray();
        for (var i = 0; i < 100; i++)
            Round();
    }

    /// <summary>
    /// The floor a peer design cannot go under: finding each reading's series in the store, without keeping the
    /// reading or evaluating anything. The ratio against it is the cost of the rules themselves.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ReadingsPerInvoke)]
    public int LookupOnly()
    {
        var found = 0;
        foreach (var (entity, metric) in _series)
        {
            if (_engine.Store.TryGet(entity, metric, out _))
                found++;
        }
        return found;
    }

    /// <summary>One poll of every series: 1,000 readings accepted, stored and evaluated against the rules that select them.</summary>
    [Benchmark(OperationsPerInvoke = ReadingsPerInvoke)]
    public void Round()
    {
        _time = _time.AddSeconds(10);
        var wave = 0.5 + 0.25 * Math.Sin(_round++ / 50.0);
        for (var i = 0; i < _series.Length; i++)
        {
            var (entity, metric) = _series[i];
            var value = metric switch
            {
                Metrics.TemperatureC => 20 + 4 * wave,
                Metrics.HumidityPct => 40 + 10 * wave,
                Metrics.OutputSource or Metrics.Reachable => metric == Metrics.Reachable ? 1 : 0,
                _ => 10 * wave,
            };
            _engine.Accept(new Reading(entity, metric, value, _time));
        }
        _engine.EndBatch(_time);
    }

    private sealed class NullSink : IAlertEventSink
    {
        public void Publish(AlertEvent alertEvent) => throw new InvalidOperationException($"steady state must not change alerts: {alertEvent.DedupKey}");
    }
}
