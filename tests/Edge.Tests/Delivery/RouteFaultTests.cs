using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Emulators.PagerDuty;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Delivery;

/// <summary>
/// A route PagerDuty refuses, through the real daemon: the lane holds (nothing parked), the operator sees it in
/// edge status, /metrics and one log line without the key, and a corrected key (SIGHUP) drains it in order. And an
/// incident left open under a rotated key is shown by route, never by key.
/// </summary>
public class RouteFaultTests
{
    private const string GoodKey = "GOODkey0123456789abcdefABCDEF012";

    private static async Task<string> ConfigWithStatus(HwmonRack rack, int port, string key)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(rack.ConfigFile))!;
        config["status"] = new JsonObject { ["listen"] = $"127.0.0.1:{port}" };
        config["pagerduty"]!["routingKey"] = key;
        return config.ToJsonString();
    }

    [Fact]
    public async Task A_rejected_key_holds_the_lane_is_reported_once_without_the_key_and_a_corrected_key_drains_it_in_order()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        emulator.KnownKeys = new HashSet<string> { GoodKey };
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var port = FreePort.Tcp();
        await File.WriteAllTextAsync(rack.ConfigFile, await ConfigWithStatus(rack, port, HwmonRack.Key));
        await using var edge = new RunningDaemon(rack.ConfigFile);
        await edge.WaitForLine("started");

        rack.Set("h1", 35);
        await edge.WaitForLine("PagerDuty rejects its routing key");
        rack.Set("h1", 20);
        await edge.WaitForLine("Alert Resolve e2e-rack/hot/h1");

        using var http = new HttpClient();
        await RunningDaemon.Eventually(async () =>
            (await http.GetStringAsync($"http://127.0.0.1:{port}/metrics")).Contains("edge_route_fault{route=\"default\",fault=\"key_rejected\"} 1\n"), "the fault in /metrics");
        using (var status = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/status")))
        {
            var uplink = status.RootElement.GetProperty("uplink");
            Assert.Equal("keyrejected", uplink.GetProperty("state").GetString());
            Assert.Equal(2, uplink.GetProperty("pending").GetInt64());
            Assert.Equal(0, uplink.GetProperty("parked").GetInt64());
            var fault = uplink.GetProperty("routeFaults")[0];
            Assert.Equal(("default", "key rejected"), (fault.GetProperty("route").GetString(), fault.GetProperty("fault").GetString()));
            Assert.Contains("Invalid routing key", fault.GetProperty("error").GetString());
        }
        var (_, printed) = await EdgeProcess.RunAsync(new StringBuilder(), "status", "--config", rack.ConfigFile);
        Assert.Contains("route default: KEY REJECTED since", printed);
        Assert.Empty(emulator.Received);

        await File.WriteAllTextAsync(rack.ConfigFile, await ConfigWithStatus(rack, port, GoodKey));
        var hup = await Tool.RunAsync("kill", TimeSpan.FromSeconds(10), ["-HUP", edge.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(0, hup.ExitCode);
        await edge.WaitForLine("has a new routing key");
        await RunningDaemon.Eventually(() => Task.FromResult(emulator.Received.Count == 2), "the held events delivered");

        Assert.Equal([("trigger", GoodKey), ("resolve", GoodKey)], emulator.Received.Select(r => (r.Action, r.RoutingKey)));
        Assert.Single(edge.Log, l => l.Contains("rejects its routing key", StringComparison.Ordinal));
        Assert.DoesNotContain(edge.Log, l => l.Contains(HwmonRack.Key, StringComparison.Ordinal) || l.Contains(GoodKey, StringComparison.Ordinal));
        Assert.DoesNotContain(HwmonRack.Key, printed);
    }

    [Fact]
    public async Task A_route_the_relay_refuses_goes_through_the_corrected_connector_as_soon_as_the_edit_is_saved()
    {
        // The relay URL points at a path the relay does not serve (404 for every event); the corrected URL is another relay.
        await using var wrong = new PagerDutyEmulator().Start();
        wrong.FailNext(1_000, EmulatorFault.NotFound);
        await using var corrected = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, wrong.Endpoint);
        await using var edge = new RunningDaemon(rack.ConfigFile);
        await edge.WaitForLine("started");

        rack.Set("h1", 35);
        await edge.WaitForLine("the connector refuses it");

        var config = JsonNode.Parse(await File.ReadAllTextAsync(rack.ConfigFile))!;
        config["pagerduty"]!["connector"] = corrected.Endpoint.ToString();
        await File.WriteAllTextAsync(rack.ConfigFile, config.ToJsonString());
        await edge.WaitForLine("Connector settings reloaded");
        // Well inside the 5-minute re-probe of a held lane: the new connector is tried on the next pass.
        await RunningDaemon.Eventually(() => Task.FromResult(corrected.Received.Count == 1), "the held trigger delivered through the corrected connector");

        Assert.Equal("e2e-rack/hot/h1", Assert.Single(corrected.Received).DedupKey);
        Assert.Equal(1, wrong.Requests);
    }

    [Fact]
    public async Task An_incident_open_under_a_rotated_key_is_shown_by_route_in_edge_alerts_open_and_edge_status()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var port = FreePort.Tcp();
        await File.WriteAllTextAsync(rack.ConfigFile, await ConfigWithStatus(rack, port, HwmonRack.Key));
        rack.Set("h1", 35);
        await using (var first = new RunningDaemon(rack.ConfigFile))
        {
            await first.WaitForLine("Delivered trigger e2e-rack/hot/h1");
        }

        // The operator rotates the route's key while the incident is open.
        await File.WriteAllTextAsync(rack.ConfigFile, await ConfigWithStatus(rack, port, GoodKey));
        var (_, open) = await EdgeProcess.RunAsync(new StringBuilder(), "alerts", "open", "--config", rack.ConfigFile);
        Assert.Contains("e2e-rack/hot/h1", open);
        Assert.Contains("open under a retired key of route default", open);
        Assert.DoesNotContain(HwmonRack.Key, open);

        await using var edge = new RunningDaemon(rack.ConfigFile);
        await edge.WaitForLine("started");
        using var http = new HttpClient();
        await RunningDaemon.Eventually(async () =>
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/status"));
            return status.RootElement.GetProperty("uplink").GetProperty("openUnderRetiredKey").GetArrayLength() == 1;
        }, "the incident in edge status");
        var (_, printed) = await EdgeProcess.RunAsync(new StringBuilder(), "status", "--config", rack.ConfigFile);
        Assert.Contains("incident e2e-rack/hot/h1 is open under a retired key of route default", printed);

        // Its resolve goes with the key its trigger used, and closes it.
        rack.Set("h1", 20);
        await RunningDaemon.Eventually(() => Task.FromResult(emulator.Received.Count == 2), "the resolve delivered");
        Assert.Equal(HwmonRack.Key, emulator.Received[1].RoutingKey);
        Assert.Empty(emulator.OpenAlerts);
    }
}
