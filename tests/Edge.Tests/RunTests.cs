using System.Diagnostics;
using Edge.Tests.Support;

namespace Edge.Tests;

/// <summary><c>edge run</c> with the hwmon driver: the real daemon reading files as the kernel writes them.</summary>
public class RunTests
{
    [Fact]
    public async Task The_daemon_reads_hwmon_files_and_logs_a_trigger_and_a_resolve()
    {
        using var dir = new TempDir();
        var hwmon = Path.Combine(dir.Path, "hwmon2");
        dir.File("hwmon2/temp1_input", "24500\n");
        dir.File("hwmon2/humidity1_input", "41200\n");
        var config = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "test-rack" },
              "stateDir": "{{dir.Path}}/state",
              "sensors": [ { "id": "rack-top", "driver": "hwmon", "path": "{{hwmon}}", "interval": "200ms" } ],
              "rules": [ { "id": "rack-hot", "type": "sensor", "metric": "temperature_c", "above": 27, "clear": 26 } ]
            }
            """);
        var start = new ProcessStartInfo(EdgeProcess.Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--config", config })
            start.ArgumentList.Add(arg);
        using var edge = Process.Start(start)!;
        var log = new List<string>();
        var lines = Task.Run(async () =>
        {
            while (await edge.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (log)
                    log.Add(line);
            }
        });
        try
        {
            await WaitForLine(log, "started");
            File.WriteAllText(Path.Combine(hwmon, "temp1_input"), "29125\n");
            await WaitForLine(log, "Alert Trigger test-rack/rack-hot/rack-top");
            File.WriteAllText(Path.Combine(hwmon, "temp1_input"), "25000\n");
            await WaitForLine(log, "Alert Resolve test-rack/rack-hot/rack-top");
        }
        finally
        {
            edge.Kill();
            await edge.WaitForExitAsync();
        }
        lock (log)
            Assert.Contains(log, l => l.Contains("rack-top temperature_c is 29.125°C", StringComparison.Ordinal));
    }

    private static async Task WaitForLine(List<string> log, string text)
    {
        // Real process, real files: poll the log with a bound rather than sleep for logic.
        for (var i = 0; i < 300; i++)
        {
            lock (log)
            {
                if (log.Any(l => l.Contains(text, StringComparison.Ordinal)))
                    return;
            }
            await Task.Delay(50);
        }
        lock (log)
            Assert.Fail($"no log line containing '{text}' within 15 s; log:\n{string.Join('\n', log)}");
    }
}
