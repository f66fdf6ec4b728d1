using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Testing;

/// <summary>Keeps every reading a source writes, in order.</summary>
public sealed class ListSink : IReadingSink
{
    public List<Reading> Readings { get; } = [];

    public void Write(in Reading reading) => Readings.Add(reading);

    /// <summary>The last value written for the entity's metric.</summary>
    public double Value(string entity, string metric) => Readings.Last(r => r.Entity == entity && r.Metric == metric).Value;
}
