using System.Text.RegularExpressions;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests;

/// <summary>
/// /metrics of a running daemon, for Prometheus users: readings, alert states, the outbox and the uplink, and how
/// long each source's polls take, in the text exposition format.
/// </summary>
public partial class MetricsTests
{
    [Fact]
    public async Task Metrics_show_readings_open_alerts_the_outbox_and_poll_durations_in_the_prometheus_text_format()
    {
        using var dir = new TempDir();
        var hwmon = Path.Combine(dir.Path, "hwmon");
        dir.File("hwmon/temp1_input", "31000\n");
        var port = FreePort.Tcp();
        var file = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "test-rack" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{port}}" },
              "sensors": [ { "id": "rack-top", "driver": "hwmon", "path": "{{hwmon}}", "interval": "200ms" } ],
              "rules": [ { "id": "rack-hot", "type": "sensor", "metric": "temperature_c", "above": 27 } ]
            }
            """);
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("Alert Trigger test-rack/rack-hot/rack-top");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // Poll counts and the status snapshot are published separately (the snapshot at most once a second), so wait for
        // both rather than assume one implies the other.
        const string Reading = "edge_reading{entity=\"rack-top\",metric=\"temperature_c\"} 31\n";
        const string Alert = "edge_alert_open{rule=\"rack-hot\",entity=\"rack-top\",phase=\"firing\",severity=\"warning\"} 1\n";
        var metrics = "";
        await RunningDaemon.Eventually(async () =>
        {
            metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            return PollsOfRackTop().Match(metrics) is { Success: true } m && long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 3
                && metrics.Contains(Reading, StringComparison.Ordinal) && metrics.Contains(Alert, StringComparison.Ordinal);
        }, "three polls of rack-top, its reading and its open alert in /metrics");

        Assert.Contains(Reading, metrics);
        Assert.Contains(Alert, metrics);
        Assert.Matches(@"edge_outbox_events\{status=""pending""\} \d+\n", metrics);
        Assert.Matches(@"edge_uplink_up [01]\n", metrics);
        Assert.Matches(@"edge_poll_last_duration_seconds\{source=""rack-top""\} [0-9.E-]+\n", metrics);
        Assert.Matches(@"edge_poll_seconds_total\{source=""rack-top""\} [0-9.E-]+\n", metrics);

        // The exposition format: every sample belongs to a family announced by a TYPE line before it.
        var typed = new HashSet<string>();
        foreach (var line in metrics.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                Assert.True(typed.Add(line.Split(' ')[2]), $"family announced twice: {line}");
                continue;
            }
            if (line.StartsWith('#'))
                continue;
            var sample = Sample().Match(line);
            Assert.True(sample.Success, $"not a sample line: {line}");
            Assert.Contains(sample.Groups["name"].Value, typed);
        }
    }

    [GeneratedRegex(@"edge_polls_total\{source=""rack-top""\} (\d+)\n")]
    private static partial Regex PollsOfRackTop();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-z_]+=""([^""\\]|\\.)*""(,[a-z_]+=""([^""\\]|\\.)*"")*\})? (-?[0-9.]+(E[-+]?[0-9]+)?|NaN|[-+]Inf)$")]
    private static partial Regex Sample();
}
