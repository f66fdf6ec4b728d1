using Edge.Core.Status;
using Edge.Daemon;
using Edge.Delivery.Outbox;

namespace Edge.Tests.Daemon;

/// <summary>What the LCD and edge status say about the uplink: a route's own fault outranks a plain outage.</summary>
public class UplinkMonitorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryStatus Failing(params RouteFaultKind[] faults) => new(At, At, 3, "HTTP 502")
    {
        RouteFaults = faults.Select((k, i) => new RouteFault($"route{i}", k, "error", At)).ToArray(),
    };

    [Fact]
    public void A_rejected_key_is_said_before_a_refusing_relay_before_a_relay_fault_before_an_outage()
    {
        Assert.Equal(UplinkState.KeyRejected, UplinkMonitor.State(Failing(RouteFaultKind.RelayFault, RouteFaultKind.KeyRejected, RouteFaultKind.Refused)));
        Assert.Equal(UplinkState.Refused, UplinkMonitor.State(Failing(RouteFaultKind.RelayFault, RouteFaultKind.Refused)));
        Assert.Equal(UplinkState.RelayFault, UplinkMonitor.State(Failing(RouteFaultKind.RelayFault)));
        Assert.Equal(UplinkState.Down, UplinkMonitor.State(Failing()));
        Assert.Equal(UplinkState.Ok, UplinkMonitor.State(new DeliveryStatus(At, null, 0, null)));
        Assert.Equal(UplinkState.Unknown, UplinkMonitor.State(new DeliveryStatus(null, null, 0, null)));
    }
}
