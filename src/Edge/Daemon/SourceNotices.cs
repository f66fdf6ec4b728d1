using System.Collections.Concurrent;

namespace Edge.Daemon;

/// <summary>
/// Each source's notice after its last poll (<see cref="Core.Sources.IReadingSource.Notice"/>: an SNMP device with no
/// supported MIB), for <c>edge status</c>. Written by each source's poll loop, read by the status endpoint.
/// </summary>
public sealed class SourceNotices
{
    private readonly ConcurrentDictionary<string, string> _bySource = new(StringComparer.Ordinal);

    public void Record(string source, string? notice)
    {
        if (notice is null)
            _bySource.TryRemove(source, out _);
        else
            _bySource[source] = notice;
    }

    public string? Of(string source) => _bySource.TryGetValue(source, out var notice) ? notice : null;
}
