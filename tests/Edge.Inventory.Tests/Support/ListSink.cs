using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Inventory.Tests.Support;

/// <summary>Keeps every reading a source writes, in order.</summary>
public sealed class ListSink : IReadingSink
{
    public List<Reading> Readings { get; } = [];

    public void Write(in Reading reading) => Readings.Add(reading);
}
