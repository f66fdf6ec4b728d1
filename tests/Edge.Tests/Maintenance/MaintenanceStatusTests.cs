using System.Text.Json.Nodes;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Maintenance;

/// <summary>An open window is shown wherever the operator looks: <c>edge status</c> (text and JSON) and /metrics.</summary>
public class MaintenanceStatusTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_open_window_shows_in_edge_status_and_metrics_with_its_time_left_and_leaves_them_when_ended()
    {
        using var dir = new TempDir();
        dir.File("hwmon/temp1_input", "22000\n");
        var port = FreePort.Tcp();
        var file = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "test-rack" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{port}}" },
              "sensors": [ { "id": "rack-top", "driver": "hwmon", "path": "{{dir.Path}}/hwmon", "interval": "200ms" } ],
              "rules": [ { "id": "rack-hot", "type": "sensor", "metric": "temperature_c", "above": 27 } ]
            }
            """);
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("Forwarding");
        var started = await EdgeProcess.RunAsync(Limit, "maintenance", "start", "rack-top", "--for", "2h", "--reason", "sensor swap", "--config", file);
        Assert.Equal(0, started.ExitCode);
        await edge.WaitForLine("Maintenance window 1 open on rack-top (every rule)");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var metrics = "";
        await RunningDaemon.Eventually(async () =>
        {
            metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            return metrics.Contains("edge_maintenance_active{", StringComparison.Ordinal);
        }, "the window in /metrics");
        Assert.Contains("edge_maintenance_active{id=\"1\",selector=\"rack-top\"} 1\n", metrics);
        // 2 h = 7200 s from its start a moment ago (rounded to whole seconds).
        Assert.Matches(@"edge_maintenance_seconds_left\{id=""1"",selector=""rack-top""\} (7200|71[0-9][0-9])\n", metrics);

        var text = await EdgeProcess.RunAsync(Limit, "status", "--config", file);
        // 2 h from a start a moment ago: 1:59:5x left in whole minutes, or a round 2h00m within the first second.
        Assert.Matches(@"MAINTENANCE 1 on rack-top \(every rule\) until .*, (1h59m|2h00m) left: sensor swap, by ", text.Stdout);
        var json = JsonNode.Parse((await EdgeProcess.RunAsync(Limit, "status", "--json", "--config", file)).Stdout)!;
        var window = json["maintenance"]!.AsArray().Single()!;
        Assert.Equal(("sensor swap", 1L), ((string?)window["reason"], (long)window["id"]!));

        Assert.Equal(0, (await EdgeProcess.RunAsync(Limit, "maintenance", "end", "1", "--config", file)).ExitCode);
        await edge.WaitForLine("Maintenance window 1 (sensor swap) has ended");
        await RunningDaemon.Eventually(async () =>
            !(await http.GetStringAsync($"http://127.0.0.1:{port}/metrics")).Contains("edge_maintenance_active{", StringComparison.Ordinal), "the window gone from /metrics");
    }
}
