using Edge.Core.Readings;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Pipeline;

/// <summary>A full channel drops the newest reading and counts it; what was queued keeps its order.</summary>
public class ReadingChannelTests
{
    [Fact]
    public void Readings_beyond_the_capacity_are_dropped_counted_and_the_queued_ones_kept_in_order()
    {
        var channel = new ReadingChannel();
        var t = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < ReadingChannel.Capacity + 5; i++)
            channel.Write(new Reading("rack-top", Metrics.TemperatureC, i, t));

        Assert.Equal(5, channel.Dropped);
        for (var i = 0; i < ReadingChannel.Capacity; i++)
        {
            Assert.True(channel.Reader.TryRead(out var r));
            Assert.Equal(i, r.Value);
        }
        Assert.False(channel.Reader.TryRead(out _));
    }
}
