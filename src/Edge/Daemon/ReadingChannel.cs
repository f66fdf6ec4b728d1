using System.Threading.Channels;
using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Daemon;

/// <summary>
/// The one path from the acquire stage to the evaluate stage: a bounded queue of readings. When the evaluator falls
/// behind, new readings are dropped (a later poll brings fresh ones) and counted; alerts are never dropped here.
/// </summary>
public sealed class ReadingChannel : IReadingSink
{
    public const int Capacity = 8192;

    private readonly Channel<Reading> _channel = Channel.CreateBounded<Reading>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);
    public ChannelReader<Reading> Reader => _channel.Reader;

    public void Write(in Reading reading)
    {
        if (!_channel.Writer.TryWrite(reading))
            Interlocked.Increment(ref _dropped);
    }
}
