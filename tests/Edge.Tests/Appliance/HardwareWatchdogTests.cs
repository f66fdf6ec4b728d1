using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Appliance;

/// <summary>
/// `edge status` and the start-up log say whether the board's hardware watchdog is really armed, from the kernel's
/// sysfs view (systemd silently runs without one when RuntimeWatchdogSec= is over the hardware's limit).
/// </summary>
public class HardwareWatchdogTests
{
    private static string Sysfs(TempDir dir, string? state, string timeout = "14")
    {
        dir.File("watchdog/watchdog0/identity", "Broadcom BCM2835 Watchdog timer\n");
        dir.File("watchdog/watchdog0/timeout", timeout + "\n");
        if (state is not null)
            dir.File("watchdog/watchdog0/state", state + "\n");
        return Path.Combine(dir.Path, "watchdog");
    }

    [Fact]
    public void An_active_watchdog_is_armed_with_its_timeout()
    {
        using var dir = new TempDir();
        Assert.Equal("armed: Broadcom BCM2835 Watchdog timer, timeout 14 s", HardwareWatchdog.Describe(Sysfs(dir, "active")));
    }

    [Fact]
    public void An_inactive_watchdog_is_not_armed_and_the_operator_is_told_how_to_arm_it()
    {
        using var dir = new TempDir();
        var described = HardwareWatchdog.Describe(Sysfs(dir, "inactive"));
        Assert.StartsWith("NOT armed: Broadcom BCM2835 Watchdog timer is inactive", described, StringComparison.Ordinal);
        Assert.Contains("RuntimeWatchdogSec=14s", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_state_file_it_says_it_does_not_know_rather_than_guess()
    {
        using var dir = new TempDir();
        Assert.StartsWith("unknown: Broadcom BCM2835 Watchdog timer is there", HardwareWatchdog.Describe(Sysfs(dir, state: null)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_machine_without_a_watchdog_device_says_so()
    {
        using var dir = new TempDir();
        Assert.StartsWith("none: no hardware watchdog", HardwareWatchdog.Describe(dir.Path), StringComparison.Ordinal);
    }
}
