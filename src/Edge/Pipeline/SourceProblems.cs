using System.Collections.Concurrent;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// What stops each source from reading, in the source's own plain words (never a secret), for <c>edge status</c>:
/// written by each source's poll loop after every poll, null once it reads again; read by the status report.
/// </summary>
public sealed class SourceProblems
{
    private readonly ConcurrentDictionary<string, string> _bySource = new(StringComparer.Ordinal);

    public void Record(string source, string? problem)
    {
        if (problem is null)
            _bySource.TryRemove(source, out _);
        else
            _bySource[source] = problem;
    }

    public string? Of(string source) => _bySource.TryGetValue(source, out var problem) ? problem : null;
}
