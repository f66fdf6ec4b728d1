using Edge.Core.Configuration;
using Edge.Core.Readings;

namespace Edge.Core.Series;

/// <summary>
/// Every (entity, metric) series, each in a ring buffer allocated once, when the series is first seen, and never
/// again. The total is held to the memory budget and to each source's series limit; what does not fit is refused
/// and counted, never silently dropped.
/// </summary>
public sealed class SeriesStore
{
    private readonly Dictionary<(string Entity, string Metric), Series> _series = new();
    private readonly Dictionary<string, int> _seriesPerSource = new(StringComparer.Ordinal);

    public SeriesStore(long budgetBytes) => BudgetBytes = budgetBytes;

    public long BudgetBytes { get; }
    public long AllocatedBytes { get; private set; }
    public int Count => _series.Count;
    public IEnumerable<Series> All => _series.Values;

    public bool TryGet(string entity, string metric, out Series series) =>
        _series.TryGetValue((entity, metric), out series!);

    /// <summary>Creates a series, or returns null when it would exceed the budget or its source's series limit.</summary>
    public Series? Add(string entity, string metric, MetricInfo info, SourceDescriptor source, EntityKind kind, int capacity)
    {
        var bytes = SeriesSizing.Bytes(capacity);
        _seriesPerSource.TryGetValue(source.Id, out var count);
        if (AllocatedBytes + bytes > BudgetBytes || count >= source.MaxSeries)
            return null;
        var series = new Series(entity, metric, info, source, kind, capacity);
        _series.Add((entity, metric), series);
        _seriesPerSource[source.Id] = count + 1;
        AllocatedBytes += bytes;
        return series;
    }
}
