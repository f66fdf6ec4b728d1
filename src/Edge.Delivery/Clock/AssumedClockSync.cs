namespace Edge.Delivery.Clock;

/// <summary>
/// For a host whose clock is right from boot (it has an RTC, or it is a container on a synchronized host, where the
/// kernel's flag may never clear): configured as <c>"clock": "assume-synchronized"</c>.
/// </summary>
public sealed class AssumedClockSync : IClockSyncSource
{
    public bool IsSynchronized() => true;
}
