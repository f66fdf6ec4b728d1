using System.Text.Json;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests;

/// <summary>Configuration over SSH: a running daemon reloads its file, and a bad edit never takes effect.</summary>
public class ReloadTests
{
    private static string Config(string stateDir, int port, string hwmon, string above) => $$"""
        {
          "appliance": { "id": "test-rack" },
          "stateDir": "{{stateDir}}",
          "status": { "listen": "127.0.0.1:{{port}}" },
          "sensors": [ { "id": "rack-top", "driver": "hwmon", "path": "{{hwmon}}", "interval": "200ms" } ],
          "rules": [ { "id": "rack-hot", "type": "sensor", "metric": "temperature_c", "above": {{above}} } ]
        }
        """;

    [Fact]
    public async Task An_invalid_edit_is_rejected_and_shown_while_the_old_rules_keep_running_and_a_fix_applies()
    {
        using var dir = new TempDir();
        var hwmon = Path.Combine(dir.Path, "hwmon");
        var temperature = dir.File("hwmon/temp1_input", "25000\n");
        var port = FreePort.Tcp();
        var state = Path.Combine(dir.Path, "state");
        var file = dir.File("edge.json", Config(state, port, hwmon, "27"));
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("started");

        File.WriteAllText(file, Config(state, port, hwmon, "\"hot\""));
        await edge.WaitForLine("rejected with 1 problem");
        var status = await Status(file);
        Assert.Equal("rejected edit", status.GetProperty("config").GetProperty("state").GetString());
        Assert.Contains("$.rules[0].above: 'hot' is not a number", status.GetProperty("config").GetProperty("problems")[0].GetString());

        File.WriteAllText(temperature, "28000\n");
        await edge.WaitForLine("Alert Trigger test-rack/rack-hot/rack-top");

        File.WriteAllText(file, Config(state, port, hwmon, "30"));
        await edge.WaitForLine("applied: 1 rules");
        await edge.WaitForLine("Alert Resolve test-rack/rack-hot/rack-top");
        status = await Status(file);
        Assert.Equal("good", status.GetProperty("config").GetProperty("state").GetString());
        Assert.Equal(1, status.GetProperty("config").GetProperty("generation").GetInt32());
    }

    [Fact]
    public async Task A_bad_edit_is_logged_with_every_problem_and_SIGHUP_reloads_the_file()
    {
        using var dir = new TempDir();
        var hwmon = Path.Combine(dir.Path, "hwmon");
        dir.File("hwmon/temp1_input", "25000\n");
        var port = FreePort.Tcp();
        var state = Path.Combine(dir.Path, "state");
        var file = dir.File("edge.json", Config(state, port, hwmon, "27"));
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("started");

        File.WriteAllText(file, Config(state, port, hwmon, "\"hot\"").Replace("\"200ms\"", "\"fast\"", StringComparison.Ordinal));
        var rejected = await edge.WaitForLine("rejected with 2 problem");
        var after = edge.Log.ToList().IndexOf(rejected);
        await edge.WaitForLine("$.rules[0].above: 'hot' is not a number", after);
        await edge.WaitForLine("$.sensors[0].interval: 'fast'", after);
        var problems = (await Status(file)).GetProperty("config").GetProperty("problems");
        Assert.Equal(2, problems.GetArrayLength());

        File.WriteAllText(file, Config(state, port, hwmon, "27"));
        await edge.WaitForLine("(generation 1)");
        // Let the file watcher's events of that write settle, so that what follows can only come from the signal.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = edge.Log.Count;
        var kill = await Tool.RunAsync("kill", TimeSpan.FromSeconds(10), ["-HUP", edge.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(0, kill.ExitCode);

        await edge.WaitForLine("(generation 2)", before);
        Assert.False(edge.HasExited);
    }

    [Fact]
    public async Task Edge_status_shows_sources_readings_and_open_alerts()
    {
        using var dir = new TempDir();
        var hwmon = Path.Combine(dir.Path, "hwmon");
        dir.File("hwmon/temp1_input", "31000\n");
        var file = dir.File("edge.json", Config(Path.Combine(dir.Path, "state"), FreePort.Tcp(), hwmon, "27"));
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("Alert Trigger");

        string text = "";
        await RunningDaemon.Eventually(async () =>
        {
            var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(20), "status", "--config", file);
            text = result.Stdout;
            return result.ExitCode == 0 && text.Contains("open alerts: 1", StringComparison.Ordinal);
        }, "edge status lists the open alert");

        Assert.Contains("rack-top         LocalSensor  every 200ms reachable", text);
        Assert.Contains("temperature_c", text);
        Assert.Contains("warning  rack-hot", text);
        Assert.Matches(@"uplink: (UNKNOWN|OK|DOWN); outbox \d+ pending", text);
        Assert.Matches(@"hardware watchdog: (armed|NOT armed|unknown|none): ", text);
    }

    [Fact]
    public async Task Edge_status_says_clearly_when_no_daemon_runs()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", Config(dir.Path, FreePort.Tcp(), dir.Path, "27"));

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(20), "status", "--config", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is edge running?", result.Stderr);
    }

    private static async Task<JsonElement> Status(string file)
    {
        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(20), "status", "--json", "--config", file);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }
}
