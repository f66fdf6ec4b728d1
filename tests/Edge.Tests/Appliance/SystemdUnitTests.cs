using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Appliance;

/// <summary>
/// systemd/edge.service: systemd's own checker finds nothing wrong with it, its exposure
/// score is at most 2.0 ("OK") and matches the figure in docs/install.md and the README, and it runs Edge the way
/// the spec says.
/// </summary>
public partial class SystemdUnitTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private static string UnitPath => RepoFiles.PathOf("systemd/edge.service");

    /// <summary>
    /// verify checks that ExecStart's program exists, and the package puts it at /usr/bin/edge, which a build machine
    /// does not have: the unit is checked as a copy that starts the edge binary these tests run.
    /// </summary>
    private static string CopyForThisMachine(TempDir dir)
    {
        var unit = File.ReadAllText(UnitPath);
        Assert.Contains("ExecStart=/usr/bin/edge run", unit, StringComparison.Ordinal);
        return dir.File("edge.service", unit.Replace("ExecStart=/usr/bin/edge", $"ExecStart={EdgeProcess.Executable}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Systemd_analyze_verify_prints_nothing()
    {
        using var dir = new TempDir();
        var unit = CopyForThisMachine(dir);

        var result = await Tool.RunAsync("systemd-analyze", Limit, ["verify", unit], dir.Path);

        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0 && result.Stdout.Length == 0,
            $"systemd-analyze verify exited {result.ExitCode}:\n{result.Stderr}{result.Stdout}");
    }

    [Fact]
    public async Task Systemd_analyze_security_scores_it_OK_at_most_2_0_and_the_install_guide_quotes_that_score()
    {
        using var dir = new TempDir();
        var unit = CopyForThisMachine(dir);

        var result = await Tool.RunAsync("systemd-analyze", Limit, ["security", "--offline=yes", "--threshold=20", "--no-pager", unit], dir.Path);

        var overall = OverallExposure().Match(result.Stdout);
        Assert.True(overall.Success, $"no overall exposure line in:\n{result.Stdout}{result.Stderr}");
        var score = double.Parse(overall.Groups["score"].Value, CultureInfo.InvariantCulture);
        Assert.True(result.ExitCode == 0 && score <= 2.0, $"exposure {score} {overall.Groups["verdict"].Value} (exit {result.ExitCode}); the target is 2.0 or less:\n{result.Stdout}");
        Assert.Equal("OK", overall.Groups["verdict"].Value);
        foreach (var doc in new[] { "docs/install.md", "README.md" })
            Assert.Contains($"exposure level {overall.Groups["score"].Value} OK", File.ReadAllText(RepoFiles.PathOf(doc)), StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_a_notify_service_with_a_watchdog_under_the_Pis_hardware_limit_restarted_on_failure()
    {
        var unit = Settings();
        Assert.Equal(["notify"], unit["Type"]);
        Assert.Equal(["on-failure"], unit["Restart"]);
        var watchdog = unit["WatchdogSec"].Single();
        Assert.EndsWith("s", watchdog, StringComparison.Ordinal);
        Assert.InRange(int.Parse(watchdog[..^1], CultureInfo.InvariantCulture), 2, 15);
        Assert.Equal(["/bin/kill -HUP $MAINPID"], unit["ExecReload"]);
    }

    [Fact]
    public void The_hosts_stop_bound_is_shorter_than_systemds_so_a_stop_is_orderly_not_a_SIGKILL()
    {
        var stop = Settings()["TimeoutStopSec"].Single();
        var host = global::Edge.Pipeline.EdgeHost.ShutdownTimeout;
        Assert.EndsWith("s", stop, StringComparison.Ordinal);
        Assert.True(host < TimeSpan.FromSeconds(int.Parse(stop[..^1], CultureInfo.InvariantCulture)), $"host ShutdownTimeout {host} is not under TimeoutStopSec={stop}");
    }

    [Fact]
    public void It_runs_as_its_own_user_with_the_i2c_and_gpio_groups_and_the_routing_key_as_a_credential()
    {
        var unit = Settings();
        Assert.Equal(["edge"], unit["User"]);
        Assert.Equal(["i2c gpio"], unit["SupplementaryGroups"]);
        Assert.Equal(["edge"], unit["StateDirectory"]);
        Assert.Equal(["edge"], unit["ConfigurationDirectory"]);
        Assert.Equal(["routing-key:/etc/edge/routing.key"], unit["LoadCredential"]);
        Assert.Equal(["journal"], unit["StandardOutput"]);
    }

    [Fact]
    public void It_holds_no_capabilities_and_reaches_only_the_i2c_and_gpio_devices()
    {
        var unit = Settings();
        Assert.Equal([""], unit["CapabilityBoundingSet"]);
        Assert.Equal([""], unit["AmbientCapabilities"]);
        Assert.Equal(["closed"], unit["DevicePolicy"]);
        Assert.Equal(["char-i2c rw", "char-gpiochip rw"], unit["DeviceAllow"]);
        Assert.Equal(["strict"], unit["ProtectSystem"]);
        Assert.Equal(["AF_INET AF_INET6 AF_UNIX AF_NETLINK"], unit["RestrictAddressFamilies"]);
        Assert.Contains("@system-service", unit["SystemCallFilter"]);
        Assert.Contains("MemoryMax", unit.Keys);
    }

    /// <summary>Every key=value of the unit, keys repeated in order (comments and sections dropped).</summary>
    private static Dictionary<string, List<string>> Settings()
    {
        var settings = new Dictionary<string, List<string>>();
        foreach (var raw in File.ReadLines(UnitPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[')
                continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = line[..eq];
            if (!settings.TryGetValue(key, out var values))
                settings[key] = values = [];
            values.Add(line[(eq + 1)..]);
        }
        return settings;
    }

    [GeneratedRegex(@"Overall exposure level for edge\.service: (?<score>\d+\.\d) (?<verdict>\w+)")]
    private static partial Regex OverallExposure();
}
