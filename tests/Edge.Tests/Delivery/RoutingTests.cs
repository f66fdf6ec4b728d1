using System.Text;
using System.Text.Json.Nodes;
using Edge.Emulators.PagerDuty;
using Edge.Tests.Support;

namespace Edge.Tests.Delivery;

/// <summary>A rule's <c>"route"</c> decides which PagerDuty service its events page, through the real daemon.</summary>
public class RoutingTests
{
    private const string CriticalKey = "CRITkey0123456789abcdefABCDEF012";

    [Fact]
    public async Task Critical_alerts_go_to_their_rules_route_and_warnings_to_the_default_routing_key()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var keyFile = Path.Combine(rack.Root, "critical.key");
        await File.WriteAllTextAsync(keyFile, CriticalKey + "\n");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(rack.ConfigFile))!;
        config["pagerduty"]!["routes"] = new JsonObject { ["critical"] = new JsonObject { ["routingKeyFile"] = keyFile } };
        config["rules"]![0]!["route"] = "critical";
        config["rules"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "warm", ["type"] = "sensor", ["select"] = "*", ["metric"] = "temperature_c", ["above"] = 25, ["clear"] = 24, ["severity"] = "warning",
        });
        await File.WriteAllTextAsync(rack.ConfigFile, config.ToJsonString());
        var log = new StringBuilder();

        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("config", "check"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("can be read by group or others", text);

        rack.Set("h1", 35);
        using (var daemon = EdgeProcess.Start(log, rack.Args("run")))
        {
            var deadline = Environment.TickCount64 + 30_000;
            while (emulator.Received.Count < 2 && Environment.TickCount64 < deadline)
                await Task.Delay(100);
            daemon.Kill();
        }

        var received = emulator.Received.ToDictionary(r => r.DedupKey!, r => r.RoutingKey);
        Assert.Equal(2, received.Count);
        Assert.Equal(CriticalKey, received["e2e-rack/hot/h1"]);
        Assert.Equal(HwmonRack.Key, received["e2e-rack/warm/h1"]);
        lock (log)
        {
            Assert.DoesNotContain(CriticalKey, log.ToString());
            Assert.DoesNotContain(HwmonRack.Key, log.ToString());
        }
    }
}
