using BenchmarkDotNet.Attributes;
using Edge.Core.Alerts;
using Edge.Delivery.Outbox;

namespace Edge.Bench;

/// <summary>
/// What the forwarder reads from the outbox on every pass (at most once a second) to publish the uplink's state, on
/// an outbox filled by a long outage: 100,000 pending events (the default maxEvents), each with ten recent readings in
/// its custom_details. The peer is the lookup of the lane's head, which the same pass makes.
/// </summary>
[MemoryDiagnoser]
public class OutboxReadBenchmark
{
    private const int Events = 100_000;

    private string _dir = null!;
    private OutboxStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("edge-bench-outbox").FullName;
        _store = OutboxStore.Open(_dir, TimeProvider.System);
        var recent = string.Join(",", Enumerable.Repeat("""{"time":"2026-11-26T12:00:00Z","value":"28.4"}""", 10));
        var at = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        for (var batch = 0; batch < Events / 1000; batch++)
        {
            var events = Enumerable.Range(batch * 1000, 1000).Select(i => new OutboxEvent
            {
                Route = "",
                DedupKey = $"dc1-r12/rack-hot/s{i}",
                Action = EventAction.Trigger,
                Payload = new() { Severity = "warning", Summary = $"[dc1-r12] s{i} temperature_c is 28.4°C: temperature_c > 27", Source = $"dc1-r12/s{i}" },
                DetailsJson = $$"""{"rule":"rack-hot","condition":"temperature_c > 27","recent":[{{recent}}]}""",
                DetectedAt = at.AddSeconds(i),
                BootId = "bench",
                SinceBoot = TimeSpan.FromSeconds(i),
                ClockSynchronized = true,
            }).ToList();
            _store.Commit(events, [], []);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public OutboxEntry? Head() => _store.Head("");

    [Benchmark]
    public OutboxCounts Counts() => _store.Counts();

    [Benchmark]
    public IReadOnlyList<string> PendingRoutes() => _store.PendingRoutes();

    [Benchmark]
    public OutboxEntry? OldestPending() => _store.OldestPending();
}
