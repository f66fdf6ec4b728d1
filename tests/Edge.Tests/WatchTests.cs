using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests;

/// <summary>Edge's own death must not go unnoticed: a heartbeat while it works, and peers paging for each other.</summary>
public class WatchTests
{
    private static string Config(TempDir dir, string id, int port, string extra) => $$"""
        {
          "appliance": { "id": "{{id}}" },
          "stateDir": "{{dir.Path}}/{{id}}",
          "status": { "listen": "127.0.0.1:{{port}}" },
          "sensors": [ { "id": "rack-top", "driver": "simulated", "interval": "200ms" } ],
          {{extra}}
          "rules": [ { "id": "peer-silent", "type": "peer-offline", "for": "1s" } ]
        }
        """;

    [Fact]
    public async Task A_peer_that_goes_silent_is_paged_by_the_edge_watching_it_and_its_return_resolves_it()
    {
        using var dir = new TempDir();
        var portB = FreePort.Tcp();
        var b = dir.File("b.json", Config(dir, "edge-b", portB, ""));
        var a = dir.File("a.json", Config(dir, "edge-a", FreePort.Tcp(),
            $$""" "peers": [ { "id": "edge-b", "url": "http://127.0.0.1:{{portB}}", "interval": "200ms", "timeout": "1s" } ], """));
        var peerB = new RunningDaemon(b);
        await using var peerA = new RunningDaemon(a);
        await peerB.WaitForLine("started");
        await peerA.WaitForLine("started");

        await peerB.DisposeAsync();
        await peerA.WaitForLine("Alert Trigger edge-a/peer-silent/edge-b");
        await using var again = new RunningDaemon(b);
        await peerA.WaitForLine("Alert Resolve edge-a/peer-silent/edge-b");
    }

    [Fact]
    public async Task A_peer_that_never_answers_or_answers_forever_reads_offline_and_never_holds_up_the_racks_own_alerts()
    {
        using var dir = new TempDir();
        await using var silent = HostilePeer.Silent();
        await using var endless = HostilePeer.Endless();
        await using var pagerDuty = new Edge.Emulators.PagerDuty.PagerDutyEmulator().Start();
        var hwmon = Path.Combine(dir.Path, "hwmon");
        dir.File("hwmon/temp1_input", "20000\n");
        // The endless peer's timeout (30 s) is far longer than the test waits for it: only the size bound on what a
        // peer may send (WatchHttp.MaxResponseBytes) can make it read offline in time.
        var file = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "edge-a" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{FreePort.Tcp()}}" },
              "pagerduty": { "connector": "{{pagerDuty.Endpoint}}", "routingKey": "{{Delivery.HwmonRack.Key}}", "clock": "assume-synchronized" },
              "sensors": [ { "id": "rack-top", "driver": "hwmon", "path": "{{hwmon}}", "interval": "200ms" } ],
              "peers": [
                { "id": "silent", "url": "{{silent.Url}}", "interval": "200ms", "timeout": "2s" },
                { "id": "endless", "url": "{{endless.Url}}", "interval": "200ms", "timeout": "30s" }
              ],
              "rules": [
                { "id": "peer-silent", "type": "peer-offline", "for": "1s" },
                { "id": "rack-hot", "type": "sensor", "metric": "temperature_c", "above": 27 }
              ]
            }
            """);
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("started");
        await RunningDaemon.Eventually(() => Task.FromResult(silent.Accepted > 0 && endless.Accepted > 0), "both peers polled");

        dir.File("hwmon/temp1_input", "31000\n");
        // Two polls at 200 ms and the evaluation: well inside 5 s unless a peer's poll holds the sensor's up.
        await edge.WaitForLine("Alert Trigger edge-a/rack-hot/rack-top", limit: TimeSpan.FromSeconds(5));
        // 2 s timeout + 1 s for + polls.
        await edge.WaitForLine("Alert Trigger edge-a/peer-silent/silent", limit: TimeSpan.FromSeconds(10));
        await edge.WaitForLine("Alert Trigger edge-a/peer-silent/endless", limit: TimeSpan.FromSeconds(10));

        // What the endless peer pushed: the 1 MiB the client read before giving up and the sockets' buffers, per poll.
        Assert.True(endless.Sent < 64L * 1024 * 1024 * Math.Max(1, endless.Accepted), $"{endless.Sent} bytes in {endless.Accepted} connections");
        Assert.False(edge.HasExited);
    }

    [Fact]
    public async Task The_heartbeat_is_pinged_while_the_pipeline_runs_and_its_token_is_never_logged()
    {
        using var dir = new TempDir();
        await using var service = new PingListener("/ping/s3cret-t0ken");
        var file = dir.File("edge.json", Config(dir, "edge-a", FreePort.Tcp(),
            $$""" "heartbeat": { "url": "http://127.0.0.1:{{service.Port}}/ping/s3cret-t0ken", "interval": "300ms" }, """));
        await using (var edge = new RunningDaemon(file))
        {
            await RunningDaemon.Eventually(() => Task.FromResult(service.Pings >= 3), "three heartbeats");
            Assert.DoesNotContain(edge.Log, l => l.Contains("s3cret-t0ken", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_heartbeat_url_is_never_repeated_in_a_configuration_problem()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", """{ "heartbeat": { "url": "ftp://hc.example/s3cret-t0ken" } }""");

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.heartbeat.url: must be an https URL", result.Stderr);
        Assert.DoesNotContain("s3cret-t0ken", result.Stderr);
    }
}
