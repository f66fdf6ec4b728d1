using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;

namespace Edge.Core.Series;

/// <summary>
/// The recent readings of one (entity, metric) series in a ring buffer whose capacity is fixed when the series is
/// created. Readings are kept in time order; one older than the newest is refused (a source's clock went backwards).
/// </summary>
public sealed class Series
{
    private readonly long[] _times;
    private readonly double[] _values;
    private int _next;
    private int _count;

    internal Series(string entity, string metric, MetricInfo info, SourceDescriptor source, EntityKind kind, int capacity)
    {
        Entity = entity;
        Metric = metric;
        Info = info;
        Source = source;
        Kind = kind;
        _times = new long[capacity];
        _values = new double[capacity];
    }

    public string Entity { get; }
    public string Metric { get; }
    public MetricInfo Info { get; }
    public SourceDescriptor Source { get; }
    public EntityKind Kind { get; }
    public int Capacity => _times.Length;
    public int Count => _count;

    /// <summary>The alerts of the rules that select this series, attached by the rule engine.</summary>
    internal Alert[] Alerts { get; set; } = [];

    internal bool Add(long ticks, double value)
    {
        if (_count > 0 && ticks < _times[Newest])
            return false;
        _times[_next] = ticks;
        _values[_next] = value;
        _next = (_next + 1) % _times.Length;
        if (_count < _times.Length)
            _count++;
        return true;
    }

    private int Newest => (_next - 1 + _times.Length) % _times.Length;

    public bool TryLast(out long ticks, out double value)
    {
        if (_count == 0)
        {
            ticks = 0;
            value = double.NaN;
            return false;
        }
        ticks = _times[Newest];
        value = _values[Newest];
        return true;
    }

    /// <summary>The i-th newest reading (0 = newest).</summary>
    public (long Ticks, double Value) Recent(int i)
    {
        var index = (_next - 1 - i + 2 * _times.Length) % _times.Length;
        return (_times[index], _values[index]);
    }

    /// <summary>
    /// Reduces the readings newer than <paramref name="sinceTicks"/> (exclusive) to one value.
    /// False when there is none, or for a rate when the window holds fewer than two readings.
    /// </summary>
    public bool TryAggregate(Aggregate aggregate, long sinceTicks, out double result)
    {
        result = double.NaN;
        if (_count == 0)
            return false;
        if (aggregate == Aggregate.Last)
        {
            result = _values[Newest];
            return true;
        }
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        long newestTicks = _times[Newest], oldestTicks = newestTicks;
        double newest = _values[Newest], oldest = newest;
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            var index = (_next - 1 - i + _times.Length) % _times.Length;
            if (_times[index] <= sinceTicks)
                break;
            var v = _values[index];
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
            oldest = v;
            oldestTicks = _times[index];
            n++;
        }
        if (n == 0)
            return false;
        switch (aggregate)
        {
            case Aggregate.Avg: result = sum / n; return true;
            case Aggregate.Min: result = min; return true;
            case Aggregate.Max: result = max; return true;
            case Aggregate.Rate:
                if (n < 2 || newestTicks == oldestTicks)
                    return false;
                result = (newest - oldest) / TimeSpan.FromTicks(newestTicks - oldestTicks).TotalMinutes;
                return true;
            default: return false;
        }
    }

    /// <summary>Copies the newest readings of another series into this one (a reload resizes buffers, keeping history).</summary>
    internal void CopyFrom(Series other)
    {
        for (var i = Math.Min(other.Count, Capacity) - 1; i >= 0; i--)
        {
            var (t, v) = other.Recent(i);
            Add(t, v);
        }
    }

    public override string ToString() => $"{Entity} {Metric}";
}
