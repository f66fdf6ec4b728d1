using Edge.Tests.Support;

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
        var portB = RunningDaemon.FreePort();
        var b = dir.File("b.json", Config(dir, "edge-b", portB, ""));
        var a = dir.File("a.json", Config(dir, "edge-a", RunningDaemon.FreePort(),
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
    public async Task The_heartbeat_is_pinged_while_the_pipeline_runs_and_its_token_is_never_logged()
    {
        using var dir = new TempDir();
        await using var service = new PingListener("/ping/s3cret-t0ken");
        var file = dir.File("edge.json", Config(dir, "edge-a", RunningDaemon.FreePort(),
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
