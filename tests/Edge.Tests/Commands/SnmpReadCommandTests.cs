using System.Text.Json;
using Edge.Demo;
using Edge.Emulators.Snmp;
using Edge.Tests.Support;

namespace Edge.Tests.Commands;

/// <summary><c>edge snmp read</c> as an operator runs it: the real binary, a device on loopback, the interfaces.md JSON.</summary>
public sealed class SnmpReadCommandTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    // The demo UPS 35 s into its cycle: on battery.
    private readonly SimulatedAgent _ups = new("demo", now => DemoUps.Snapshot(Start, Start.AddSeconds(35)), TimeProvider.System);

    public ValueTask DisposeAsync() => _ups.DisposeAsync();

    private static Task<Tool.Result> EdgeAsync(params string[] args) => EdgeProcess.RunAsync(TimeSpan.FromSeconds(60), args);

    [Fact]
    public async Task Json_has_the_interfaces_md_shape_with_numbers_and_state_names()
    {
        var (exit, stdout, stderr) = await EdgeAsync("snmp", "read", $"127.0.0.1:{_ups.EndPoint.Port}", "--community", "demo", "--json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var device = $"127.0.0.1:{_ups.EndPoint.Port}";
        Assert.Equal(device, root.GetProperty("device").GetString());
        Assert.Equal("rfc1628", root.GetProperty("profile").GetString());
        Assert.True(root.GetProperty("reachable").GetBoolean());
        var readings = root.GetProperty("readings").EnumerateArray().ToDictionary(
            r => (r.GetProperty("entity").GetString()!, r.GetProperty("metric").GetString()!), r => r.GetProperty("value"));
        Assert.Equal(JsonValueKind.String, readings[(device, "output_source")].ValueKind);
        Assert.Equal("battery", readings[(device, "output_source")].GetString());
        Assert.Equal(JsonValueKind.Number, readings[(device, "battery_charge_pct")].ValueKind);
        Assert.Equal(95, readings[(device, "battery_charge_pct")].GetDouble());
        Assert.Equal(4.1, readings[(device + "/output/1", "current_a")].GetDouble(), 9);
        Assert.DoesNotContain(readings.Keys, k => k.Item2 == "reachable");
    }

    [Fact]
    public async Task An_unreachable_device_exits_1_and_says_why()
    {
        var (exit, stdout, stderr) = await EdgeAsync("snmp", "read", $"127.0.0.1:{_ups.EndPoint.Port}", "--community", "c0mmunity-X9", "--timeout", "300ms", "--retries", "0", "--json");

        Assert.Equal(1, exit);
        Assert.False(JsonDocument.Parse(stdout).RootElement.GetProperty("reachable").GetBoolean());
        Assert.Contains("unreachable", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("c0mmunity-X9", stderr, StringComparison.Ordinal); // the community is never echoed
    }

    [Fact]
    public async Task An_unknown_profile_is_bad_usage()
    {
        var (exit, _, stderr) = await EdgeAsync("snmp", "read", "127.0.0.1:1", "--profile", "nope");

        Assert.Equal(2, exit);
        Assert.Contains("apc-rpdu2", stderr, StringComparison.Ordinal);
    }
}
