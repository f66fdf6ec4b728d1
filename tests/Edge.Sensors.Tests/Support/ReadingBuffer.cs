using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Sensors.Tests.Support;

/// <summary>A sink with a fixed array, so the allocation test measures the sensor and not the sink.</summary>
public sealed class ReadingBuffer(int capacity = 64) : IReadingSink
{
    private readonly Reading[] _readings = new Reading[capacity];

    public int Count { get; private set; }

    public void Write(in Reading reading)
    {
        _readings[Count++ % _readings.Length] = reading;
        LastWriterThread = Environment.CurrentManagedThreadId;
    }

    /// <summary>The thread that wrote last: the allocation test checks that the whole poll ran on its thread.</summary>
    public int LastWriterThread { get; private set; }

    public void Clear() => Count = 0;

    public IReadOnlyList<Reading> All => _readings.Take(Math.Min(Count, _readings.Length)).ToArray();

    public double? Value(string metric) => All.Where(r => r.Metric == metric).Select(r => (double?)r.Value).LastOrDefault();

    public bool Has(string metric) => All.Any(r => r.Metric == metric);
}
