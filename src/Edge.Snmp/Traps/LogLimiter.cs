namespace Edge.Snmp.Traps;

/// <summary>
/// At most one log line per key per <see cref="Every"/>: a device stuck sending a bad community, or a scan of port 162,
/// must not fill the journal on an SD card. The line that is let through says how many were held back.
/// Not thread-safe: one receive loop uses it.
/// </summary>
internal sealed class LogLimiter(TimeProvider time)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>Keys remembered; more than this (a scan from many addresses) and the oldest memory is dropped.</summary>
    private const int MaxKeys = 256;

    private readonly Dictionary<string, (long LoggedAt, long Held)> _keys = new(StringComparer.Ordinal);

    /// <summary>Whether to log for <paramref name="key"/> now; <paramref name="held"/> is how many were held back since the last line.</summary>
    public bool ShouldLog(string key, out long held)
    {
        var now = time.GetTimestamp();
        if (_keys.TryGetValue(key, out var state) && time.GetElapsedTime(state.LoggedAt, now) < Every)
        {
            _keys[key] = state with { Held = state.Held + 1 };
            held = 0;
            return false;
        }
        if (_keys.Count >= MaxKeys && state == default)
            _keys.Clear();
        held = state.Held;
        _keys[key] = (now, 0);
        return true;
    }
}
