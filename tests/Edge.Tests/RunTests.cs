using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

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
              "status": { "listen": "127.0.0.1:{{FreePort.Tcp()}}" },
              "sensors": [ { "id": "rack-top", "driver": "hwmon", "path": "{{hwmon}}", "interval": "200ms" } ],
              "rules": [ { "id": "rack-hot", "type": "sensor", "metric": "temperature_c", "above": 27, "clear": 26 } ]
            }
            """);
        await using var edge = new RunningDaemon(config);

        await edge.WaitForLine("started");
        File.WriteAllText(Path.Combine(hwmon, "temp1_input"), "29125\n");
        var trigger = await edge.WaitForLine("Alert Trigger test-rack/rack-hot/rack-top");
        File.WriteAllText(Path.Combine(hwmon, "temp1_input"), "25000\n");
        await edge.WaitForLine("Alert Resolve test-rack/rack-hot/rack-top");

        Assert.Contains("rack-top temperature_c is 29.125°C", trigger);
    }
}
