using Edge.Delivery.Clock;

namespace Edge.Delivery.Tests.Support;

public sealed class FakeClockSync(bool synchronized = true) : IClockSyncSource
{
    public bool Synchronized { get; set; } = synchronized;

    public bool IsSynchronized() => Synchronized;
}
