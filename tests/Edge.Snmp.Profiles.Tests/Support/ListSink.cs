using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>Keeps what a source writes.</summary>
public sealed class ListSink : IReadingSink
{
    public List<Reading> Readings { get; } = [];

    public void Write(in Reading reading) => Readings.Add(reading);

    public double Value(string entity, string metric) => Readings.Last(r => r.Entity == entity && r.Metric == metric).Value;
}
