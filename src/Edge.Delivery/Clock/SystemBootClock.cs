using System.Diagnostics;

namespace Edge.Delivery.Clock;

/// <summary>The Linux boot id (/proc/sys/kernel/random/boot_id) and CLOCK_MONOTONIC, which .NET's Stopwatch reads.</summary>
public sealed class SystemBootClock : IBootClock
{
    public const string BootIdFile = "/proc/sys/kernel/random/boot_id";

    public SystemBootClock(string bootIdFile = BootIdFile)
    {
        BootId = ReadBootId(bootIdFile);
    }

    public string BootId { get; }

    // Stopwatch is CLOCK_MONOTONIC on Linux: the same origin for every process of one boot, so a restarted daemon
    // can still compare the times its previous run stored.
    public TimeSpan SinceBoot() => Stopwatch.GetElapsedTime(0);

    private static string ReadBootId(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a boot id nothing stored can be matched to this boot; a fresh random id keeps that safe.
            return "unknown-" + Guid.NewGuid().ToString("N");
        }
    }
}
