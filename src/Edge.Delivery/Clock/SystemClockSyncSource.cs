using System.Runtime.InteropServices;

namespace Edge.Delivery.Clock;

/// <summary>
/// The clock is synchronized when systemd-timesyncd says so (/run/systemd/timesync/synchronized, see
/// systemd-timesyncd.service(8)) or the kernel does: adjtimex(2) returns TIME_ERROR while STA_UNSYNC is set, which
/// chrony and ntpd clear once they discipline the clock.
/// </summary>
public sealed partial class SystemClockSyncSource : IClockSyncSource
{
    public const string TimesyncFlag = "/run/systemd/timesync/synchronized";
    private const int TimeError = 5;

    // struct timex is 208 bytes on LP64 Linux; a larger zeroed buffer keeps modes = 0 (read only) on every ABI.
    private const int TimexBufferSize = 512;

    private bool _seen;

    public bool IsSynchronized()
    {
        // Once seen, stay synchronized for this process: a later STA_UNSYNC blip does not make past stamps wrong.
        if (_seen)
            return true;
        _seen = File.Exists(TimesyncFlag) || KernelSaysSynchronized();
        return _seen;
    }

    private static bool KernelSaysSynchronized()
    {
        Span<byte> timex = stackalloc byte[TimexBufferSize];
        timex.Clear();
        try
        {
            var state = Adjtimex(ref MemoryMarshal.GetReference(timex));
            return state >= 0 && state != TimeError;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "adjtimex")]
    private static partial int Adjtimex(ref byte timex);
}
