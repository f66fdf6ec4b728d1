using Edge.Core.Alerts;
using Edge.Core.Status;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Tests.Support;
using static Edge.Delivery.Tests.Support.Pipeline;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>
/// The show stage learns the uplink's state from the forwarder itself, told after a pass that changed it: no one
/// re-reads the outbox on a timer to find out.
/// </summary>
public class UplinkPublicationTests
{
    [Fact]
    public async Task The_forwarder_tells_the_uplink_after_a_pass_that_changed_it_and_is_silent_after_one_that_did_not()
    {
        await using var p = new Pipeline();
        var told = new List<UplinkStatus>();
        var forwarder = p.NewForwarder(told.Add);
        var detected = p.Time.GetUtcNow();
        p.Emulator.Fault = EmulatorFault.HtmlOk;
        p.Publish(Event(EventAction.Trigger, "s1", detected));
        p.Time.Advance(TimeSpan.FromSeconds(30));

        await forwarder.PumpAsync(CancellationToken.None);

        // One attempt, answered by a relay's HTML page: the route's fault, the event still pending, detected 30 s ago.
        var failing = Assert.Single(told);
        Assert.Equal((UplinkState.RelayFault, 1L, 0L, 1), (failing.State, failing.Pending, failing.Delivered, failing.ConsecutiveFailures));
        Assert.Equal(TimeSpan.FromSeconds(30), failing.OldestPendingAge);

        // The lane backs off (at most 1 s after a first failure); a pass before then sends nothing and says nothing.
        await forwarder.PumpAsync(CancellationToken.None);
        Assert.Single(told);

        // The age goes on without a new publication: 30 s + 10 s.
        p.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(40), failing.OldestPendingAgeNow(p.Time));

        p.Emulator.Fault = EmulatorFault.None;
        await forwarder.PumpAsync(CancellationToken.None);

        Assert.Equal(2, told.Count);
        var delivered = told[1];
        Assert.Equal((UplinkState.Ok, 0L, 1L, 0), (delivered.State, delivered.Pending, delivered.Delivered, delivered.ConsecutiveFailures));
        Assert.Empty(delivered.RouteFaults);
        Assert.Null(delivered.OldestPendingAge);
    }
}
