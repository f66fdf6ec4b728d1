using System.Diagnostics;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;
using Edge.Snmp.Polling;
using Edge.Snmp.Profiles.Tests.Support;
using Edge.Snmp.Protocol;
using Edge.Testing.Snmpsim;
using Microsoft.Extensions.Logging.Testing;

namespace Edge.Snmp.Profiles.Tests.EndToEnd;

/// <summary>A device with nothing listening, then an agent appearing on its port: no restart in between.</summary>
public sealed class OfflineDeviceTests : IAsyncDisposable
{
    private readonly SnmpClient _client = new(TimeProvider.System);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [SnmpsimFact]
    public async Task An_unreachable_device_reads_0_within_its_timeouts_pages_power_unit_offline_and_resolves_when_it_answers()
    {
        var port = FreePort.Udp();
        var options = new SnmpDeviceOptions("pdu-x", "127.0.0.1", port, SnmpVersion.V2c, TimeSpan.FromSeconds(30))
        {
            Community = "apc_ap8853", Timeout = TimeSpan.FromMilliseconds(500), Retries = 1,
        };
        var logger = new FakeLogger<SnmpDeviceSource>();
        var source = new SnmpDeviceSource(options, _client, TimeProvider.System, logger);
        var bench = new RuleBench(["pdu-x"], new RuleDefinition
        {
            Id = "pdu-offline", Type = RuleType.PowerUnitOffline, Select = Selector.All, Metric = Metrics.Reachable, Below = 1, Severity = Severity.Critical,
        });

        var sink = new ListSink();
        var watch = Stopwatch.StartNew();
        await source.PollAsync(sink, CancellationToken.None);
        var elapsed = watch.Elapsed;
        bench.Feed(sink.Readings);

        // 500 ms × (1 try + 1 retry) = 1 s, then the verdict; nothing but reachable = 0 is written. The upper bound
        // leaves room for a loaded 2-core CI machine; it is still far inside the 10 s by which an unreachable device must read as such.
        Assert.Equal([(Metrics.Reachable, 0.0)], sink.Readings.Select(r => (r.Metric, r.Value)));
        Assert.InRange(elapsed, options.GiveUpAfter - TimeSpan.FromMilliseconds(50), options.GiveUpAfter + TimeSpan.FromSeconds(3));
        Assert.Equal([EventAction.Trigger], bench.Events.Select(e => e.Action));
        Assert.Null(source.Profile);

        await using var agent = await SnmpSimulator.StartAsync(port);
        var again = new ListSink();
        await source.PollAsync(again, CancellationToken.None);
        bench.Feed(again.Readings);

        Assert.Equal(1, again.Value("pdu-x", Metrics.Reachable));
        Assert.Equal("apc-rpdu2", source.Profile?.Name);
        Assert.Equal(4.9, again.Value("pdu-x/phase/1", Metrics.CurrentA), 9);
        Assert.Equal([EventAction.Trigger, EventAction.Resolve], bench.Events.Select(e => e.Action));
        // One line when it went, one when it came back (plus the profile it resolved to), never one per poll.
        Assert.Equal(3, logger.Collector.Count);
        Assert.Contains("unreachable", logger.Collector.GetSnapshot()[0].Message, StringComparison.Ordinal);
    }
}
