using Edge.Tests.Support;

namespace Edge.Tests;

public class DemoTests
{
    [Fact]
    public async Task The_demo_shows_a_trigger_and_a_resolve_within_a_minute_without_hardware()
    {
        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(90), "demo", "--for", "45s");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("▲ TRIGGER critical demo-rack/rack-hot/rack-top", result.Stdout);
        Assert.Contains("▼ RESOLVE critical demo-rack/rack-hot/rack-top", result.Stdout);
        Assert.Contains("rack-top     temperature", result.Stdout);
        // The LCD's pages, drawn by the real page code in a 20x4 box.
        Assert.Contains("┌────────────────────┐ LCD: sensors 1", result.Stdout);
        Assert.Contains("│rack-top            │", result.Stdout);
        Assert.True(result.Stdout.IndexOf("▲ TRIGGER critical", StringComparison.Ordinal) < result.Stdout.IndexOf("▼ RESOLVE critical", StringComparison.Ordinal));
        // The simulated Device42: prohibited software pages per (software, device); its password is never printed.
        Assert.Contains("▲ TRIGGER error    demo-rack/no-prohibited-software/prohibited/uTorrent/ws-042", result.Stdout);
        Assert.DoesNotContain(Edge.Demo.DemoConfig.Device42Password, result.Stdout + result.Stderr);
    }
}
