using Edge.Delivery.Clock;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Support;

/// <summary>
/// The monotonic clock of a fake boot: it moves with <see cref="FakeTimeProvider.Advance"/> but not with
/// <see cref="FakeTimeProvider.SetUtcNow"/> jumps that tests use as "NTP set the clock".
/// </summary>
public sealed class FakeBootClock(FakeTimeProvider time, string bootId = "boot-1") : IBootClock
{
    private readonly long _origin = time.GetTimestamp();
    private TimeSpan _jumps;

    public string BootId { get; set; } = bootId;

    public TimeSpan SinceBoot() => TimeSpan.FromSeconds((time.GetTimestamp() - _origin) / (double)time.TimestampFrequency) - _jumps + TimeSpan.FromMinutes(1);

    /// <summary>Sets the wall clock by <paramref name="by"/> without moving the monotonic clock, as NTP does.</summary>
    public void JumpWallClock(TimeSpan by)
    {
        _jumps += by;
        time.SetUtcNow(time.GetUtcNow() + by);
    }
}
