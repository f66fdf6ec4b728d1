using System.Threading.Channels;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// The one path from the acquire stage to the evaluate stage: a bounded queue of readings. When the evaluator falls
/// behind, the newest reading is dropped (<see cref="BoundedChannelFullMode.DropWrite"/>: a later poll brings a fresh
/// one, and the queued ones keep their order) and counted; alerts are never dropped here.
/// </summary>
public sealed class ReadingChannel : IReadingSink
{
    public const int Capacity = 8192;

    private readonly Channel<Reading> _channel;
    private long _dropped;

    public ReadingChannel() =>
        _channel = Channel.CreateBounded<Reading>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));

    public long Dropped => Interlocked.Read(ref _dropped);
    public ChannelReader<Reading> Reader => _channel.Reader;

    public void Write(in Reading reading) => _channel.Writer.TryWrite(reading);
}
