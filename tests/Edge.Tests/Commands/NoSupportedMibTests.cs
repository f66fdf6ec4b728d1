using System.Text.Json;
using Edge.Emulators.Snmp;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;
using Edge.Testing.Snmpsim;

namespace Edge.Tests.Commands;

/// <summary>
/// A real device with no MIB Edge reads — the AirConsole 2.80 serial console server of LibreNMS's recording
/// (sysObjectID 14358.1, no power MIB) — served on loopback, polled with profile auto: <c>edge snmp read</c> and
/// <c>edge status</c> say profile none, name the sysObjectID and the profiles tried, and read only reachable.
/// </summary>
public sealed class NoSupportedMibTests : IAsyncDisposable
{
    private const string Expected =
        "no supported MIB: sysObjectID 1.3.6.1.4.1.14358.1; profiles tried: rfc1628 found nothing to read, so only reachable is reported";

    private readonly SimulatedAgent _device = new("public",
        _ => SnmprecReader.ReadFile(RepoFiles.PathOf("tests/Edge.Snmp.Profiles.Tests/Recordings/airconsole.snmprec")), TimeProvider.System);

    public ValueTask DisposeAsync() => _device.DisposeAsync();

    [Fact]
    public async Task Snmp_read_json_reports_profile_none_and_why()
    {
        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "snmp", "read", $"127.0.0.1:{_device.EndPoint.Port}", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("none", root.GetProperty("profile").GetString());
        Assert.True(root.GetProperty("reachable").GetBoolean());
        Assert.Equal(Expected, root.GetProperty("notice").GetString());
        Assert.Equal(0, root.GetProperty("readings").GetArrayLength());
    }

    [Fact]
    public async Task Snmp_read_text_says_it_too()
    {
        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "snmp", "read", $"127.0.0.1:{_device.EndPoint.Port}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("reachable, profile none (sysObjectID 1.3.6.1.4.1.14358.1)", result.Stdout);
        Assert.Contains(Expected, result.Stdout);
    }

    [Fact]
    public async Task Edge_status_shows_the_problem_under_the_source()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "test-rack" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{FreePort.Tcp()}}" },
              "snmp": [ { "id": "console-1", "host": "127.0.0.1:{{_device.EndPoint.Port}}", "interval": "1s", "timeout": "1s", "retries": 1 } ]
            }
            """);
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("SNMP device console-1 at 127.0.0.1");

        string text = "";
        await RunningDaemon.Eventually(async () =>
        {
            var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(20), "status", "--config", file);
            text = result.Stdout;
            return result.ExitCode == 0 && text.Contains(Expected, StringComparison.Ordinal);
        }, "edge status shows the problem");
        Assert.Contains("console-1        SnmpDevice", text);
        var json = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(20), "status", "--json", "--config", file);
        var source = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "console-1");
        Assert.Equal(Expected, source.GetProperty("problem").GetString());
        Assert.True(source.GetProperty("reachable").GetBoolean());
        // The log says it once, as a warning with its event id's words.
        Assert.Single(edge.Log, l => l.Contains("SNMP device console-1 at 127.0.0.1", StringComparison.Ordinal) && l.Contains(Expected, StringComparison.Ordinal));
    }
}
