using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
namespace Edge.Systemd;

/// <summary>
/// Whether the board's hardware watchdog is really armed. systemd arms it (RuntimeWatchdogSec=) only with a timeout
/// the hardware supports — the Pi's BCM2835 watchdog stops at about 15 s — and silently runs without one if asked
/// for more; the kernel's sysfs view says what actually happened.
/// </summary>
public static class HardwareWatchdog
{
    public static string Describe(string sysfs = "/sys/class/watchdog")
    {
        var device = Path.Combine(sysfs, "watchdog0");
        if (!Directory.Exists(device))
            return "none: no hardware watchdog on this machine (/sys/class/watchdog/watchdog0 is missing)";
        var state = Read(Path.Combine(device, "state"));
        var timeout = Read(Path.Combine(device, "timeout"));
        var identity = Read(Path.Combine(device, "identity"));
        var name = identity ?? "watchdog0";
        return state switch
        {
            "active" => $"armed: {name}, timeout {timeout ?? "?"} s",
            // A kernel built without CONFIG_WATCHDOG_SYSFS has the device but no state file: saying "not armed" then
            // would be a guess.
            null => $"unknown: {name} is there, but the kernel does not report its state (no {device}/state)",
            _ => $"NOT armed: {name} is {state}; set RuntimeWatchdogSec=14s in /etc/systemd/system.conf (the Pi's limit is about 15 s)",
        };
    }

    private static string? Read(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
