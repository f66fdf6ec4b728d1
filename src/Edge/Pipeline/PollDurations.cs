using System.Collections.Concurrent;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// How long each source's polls take, for <c>/metrics</c>: the last poll, and the running sum and count that
/// Prometheus turns into an average over any range. One small entry per source id configured since start; written by
/// each source's poll loop, read by the status endpoint, neither waiting for the other.
/// </summary>
public sealed class PollDurations
{
    private readonly ConcurrentDictionary<string, PollDuration> _bySource = new(StringComparer.Ordinal);

    public void Record(string source, TimeSpan took)
    {
        var seconds = took.TotalSeconds;
        _bySource.AddOrUpdate(source, static (_, s) => new PollDuration(s, s, 1), static (_, d, s) => new PollDuration(s, d.SumSeconds + s, d.Count + 1), seconds);
    }

    /// <summary>A copy, sorted by source id so that the metrics read the same from scrape to scrape.</summary>
    public IReadOnlyList<KeyValuePair<string, PollDuration>> Snapshot() =>
        [.. _bySource.OrderBy(kv => kv.Key, StringComparer.Ordinal)];
}

public readonly record struct PollDuration(double LastSeconds, double SumSeconds, long Count);
