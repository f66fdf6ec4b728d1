using Edge.Emulators.Device42;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests;

/// <summary>What <c>edge status</c> says while Device42 refuses Edge over its own licence.</summary>
public class Device42StatusTests
{
    [Theory]
    [InlineData(Device42Fault.LicenseNotValid, "Device42's licence does not cover this part of the API, so it refuses it until the licence is extended")]
    [InlineData(Device42Fault.LicenseExpired, "Device42's own licence has expired, so it refuses every API call until it is renewed")]
    public async Task A_licence_refusal_is_logged_in_plain_words_and_shown_as_the_source_s_problem(Device42Fault refusal, string meaning)
    {
        using var dir = new TempDir();
        await using var device42 = new Device42Emulator("edge-reader", "d42-password");
        device42.Fail(refusal);
        var passwordFile = dir.File("device42.password", "d42-password\n");
        var file = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "d42-rack" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{FreePort.Tcp()}}" },
              "device42": { "url": "{{device42.Url}}", "user": "edge-reader", "passwordFile": "{{passwordFile}}", "interval": "1m", "timeout": "20s" }
            }
            """);
        // One poll a minute, so the problem the status shows is the one the first poll met, even on a loaded machine.
        await using var edge = new RunningDaemon(file);
        await edge.WaitForLine("refuses Edge because of its own licence");

        var status = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), ["status", "--config", file]);
        var json = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), ["status", "--json", "--config", file]);

        Assert.Contains($"    problem: {meaning} (HTTP 500 on api/1.0/software/: License ", status.Stdout);
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var source = document.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "device42");
        Assert.StartsWith(meaning, source.GetProperty("problem").GetString());
    }
}
