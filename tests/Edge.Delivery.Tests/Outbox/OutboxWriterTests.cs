using Edge.Core.Alerts;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;
using Edge.Delivery.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Edge.Delivery.Tests.Support.Pipeline;

namespace Edge.Delivery.Tests.Outbox;

public class OutboxWriterTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Past_its_memory_bound_the_writer_drops_the_oldest_non_critical_held_event_and_counts_it()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        var writer = new OutboxWriter(store, new FakeBootClock(_time), new FakeClockSync(), _time, NullLogger<OutboxWriter>.Instance);
        var t = _time.GetUtcNow();
        var batch = new AlertBatch();
        batch.Publish(Event(EventAction.Trigger, "pdu-a", t, Severity.Critical));
        for (var i = 1; i < OutboxWriter.MaxUnsaved; i++)
            batch.Publish(Event(EventAction.Trigger, $"s{i}", t));
        using (new RefusedWrites(store.Path))
        {
            Assert.False(writer.Commit(batch));
            Assert.Equal(0, writer.DroppedUnsaved);

            batch.Publish(Event(EventAction.Trigger, "last", t));
            batch.Publish(Event(EventAction.Trigger, "later", t));
            Assert.False(writer.Commit(batch));
        }

        Assert.Equal(2, writer.DroppedUnsaved);
        Assert.Equal(OutboxWriter.MaxUnsaved, writer.Unsaved);
        Assert.Empty(store.All());
        Assert.True(writer.Commit(batch));
        var kept = store.All().Select(e => e.Event.DedupKey.Split('/')[^1]).ToList();
        Assert.Equal(["pdu-a", "s3"], kept[..2]);
        Assert.Equal(["last", "later"], kept[^2..]);
    }
}
