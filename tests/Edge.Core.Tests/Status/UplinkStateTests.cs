using Edge.Core.Status;

namespace Edge.Core.Tests.Status;

/// <summary>What the LCD and edge status say about the uplink: a route's own fault outranks a plain outage.</summary>
public class UplinkStateTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static UplinkState Failing(params RouteFaultKind[] faults) =>
        UplinkStatus.StateOf(faults.Select((k, i) => new RouteFault($"route{i}", k, "error", At)).ToArray(), consecutiveFailures: 3, lastDelivered: At);

    [Fact]
    public void A_rejected_key_is_said_before_a_refusing_relay_before_a_relay_fault_before_an_outage()
    {
        Assert.Equal(UplinkState.KeyRejected, Failing(RouteFaultKind.RelayFault, RouteFaultKind.KeyRejected, RouteFaultKind.Refused));
        Assert.Equal(UplinkState.Refused, Failing(RouteFaultKind.RelayFault, RouteFaultKind.Refused));
        Assert.Equal(UplinkState.RelayFault, Failing(RouteFaultKind.RelayFault));
        Assert.Equal(UplinkState.Down, Failing());
        Assert.Equal(UplinkState.Ok, UplinkStatus.StateOf([], 0, At));
        Assert.Equal(UplinkState.Unknown, UplinkStatus.StateOf([], 0, null));
    }
}
