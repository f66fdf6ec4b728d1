using System.Text.Json;
using Edge.Demo;
using Edge.Emulators.Snmp;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Traps;

/// <summary>
/// The point of the receiver: the real <c>edge run</c> polls a UPS once an hour, the UPS goes on battery and sends
/// a trap (net-snmp's snmptrap, from the UPS's address), and the daemon reads the new state at once.
/// </summary>
public sealed class TrapPollTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly SimulatedAgent _ups;
    private volatile bool _onBattery;

    // The demo UPS 5 s into its cycle is on line, 35 s in it is on battery.
    public TrapPollTests() => _ups = new SimulatedAgent("demo", _ => DemoUps.Snapshot(Start, Start.AddSeconds(_onBattery ? 35 : 5)), TimeProvider.System);

    public ValueTask DisposeAsync() => _ups.DisposeAsync();

    [Fact]
    public async Task A_trap_from_the_ups_has_it_polled_at_once_instead_of_at_its_hourly_interval()
    {
        using var dir = new TempDir();
        var statusPort = FreePort.Tcp();
        var trapPort = FreePort.Udp();
        var config = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "test-rack" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{statusPort}}" },
              "snmp": [ { "id": "ups-1", "host": "127.0.0.1:{{_ups.EndPoint.Port}}", "community": "demo", "interval": "1h", "timeout": "1s", "retries": 1 } ],
              "snmpTraps": { "listen": "127.0.0.1:{{trapPort}}" },
              "rules": [ { "id": "ups-on-battery", "type": "ups", "metric": "output_source", "state": "battery" } ]
            }
            """);
        await using var edge = new RunningDaemon(config);
        await edge.WaitForLine($"SNMP trap receiver listening on udp 127.0.0.1:{trapPort}");
        await edge.WaitForLine("SNMP device ups-1 at 127.0.0.1"); // the first poll: on line

        _onBattery = true;
        var trap = await Tool.RunAsync("snmptrap", TimeSpan.FromSeconds(30),
            ["-v", "2c", "-c", "demo", $"udp:127.0.0.1:{trapPort}", "", "1.3.6.1.2.1.33.2.1"]);
        Assert.True(trap.ExitCode == 0, trap.Stderr);

        await edge.WaitForLine("polling ups-1 now", limit: TimeSpan.FromSeconds(5));
        await edge.WaitForLine("Alert Trigger test-rack/ups-on-battery/ups-1", limit: TimeSpan.FromSeconds(5));
        using var http = new HttpClient();
        using var status = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{statusPort}/status"));
        var traps = status.RootElement.GetProperty("snmpTraps");
        Assert.True(traps.GetProperty("listening").GetBoolean());
        Assert.Equal(1, traps.GetProperty("accepted").GetInt64());
        Assert.Equal(1, traps.GetProperty("earlyPolls").GetInt64());
        Assert.Equal(0, traps.GetProperty("dropped").GetProperty("badCommunity").GetInt64());
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{statusPort}/metrics");
        Assert.Contains("edge_snmp_traps_accepted_total 1\n", metrics);
        Assert.Contains("edge_snmp_traps_dropped_total{reason=\"unknownSender\"} 0\n", metrics);
    }
}
