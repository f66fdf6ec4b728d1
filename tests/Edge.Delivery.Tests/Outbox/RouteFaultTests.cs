using Edge.Core.Alerts;
using Edge.Core.Status;
using Edge.Delivery.Configuration;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Edge.Delivery.Tests.Support;
using static Edge.Delivery.Tests.Support.Pipeline;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>
/// Faults of a route rather than of an event: PagerDuty rejecting the routing key, a relay refusing the
/// route or answering with something that is not PagerDuty's acceptance, and a key rotated under open incidents.
/// </summary>
public class RouteFaultTests
{
    private const string NewKey = "N0123456789abcdefABCDEF012345678";

    private static string[] Sent(Pipeline p) => p.Emulator.Received.Select(r => $"{r.Action} {r.DedupKey!.Split('/')[^1]}").ToArray();

    [Fact]
    public async Task A_relays_200_with_an_HTML_page_is_not_delivered_the_event_is_retried_and_the_route_reported()
    {
        await using var p = new Pipeline();
        p.Emulator.Fault = EmulatorFault.HtmlOk;
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));

        for (var pass = 0; pass < 100 && p.Emulator.Requests < 4; pass++)
        {
            var next = await p.Forwarder.PumpAsync(CancellationToken.None);
            if (p.Emulator.Requests < 4)
                p.Time.Advance(next - p.Time.GetUtcNow());
        }

        var entry = Assert.Single(p.Store.All());
        Assert.Equal(OutboxStatus.Pending, entry.Status);
        Assert.Equal(4, entry.Attempts);
        Assert.StartsWith("relay fault: HTTP 200 with a text/html body", entry.LastError, StringComparison.Ordinal);
        var fault = Assert.Single(p.Forwarder.Status.RouteFaults);
        Assert.Equal(("default", RouteFaultKind.RelayFault), (fault.Route, fault.Kind));
        // Retried with back-off: 1 s, 2 s, 4 s before the 2nd, 3rd and 4th tries (equal jitter keeps half to all of each).
        Assert.InRange(p.Time.GetUtcNow() - entry.EnqueuedAt, TimeSpan.FromSeconds(0.5 + 1 + 2), TimeSpan.FromSeconds(1 + 2 + 4));

        p.Emulator.Fault = EmulatorFault.None;
        await p.PumpUntilIdleAsync();

        Assert.Equal(["trigger s1"], Sent(p));
        Assert.Empty(p.Forwarder.Status.RouteFaults);
    }

    [Fact]
    public async Task An_invalid_key_400_holds_the_lane_and_parks_nothing_and_a_new_key_drains_it_in_order()
    {
        await using var p = new Pipeline();
        // This PagerDuty knows only the power route's key: the default route's key is PagerDuty's "Invalid routing key".
        p.Emulator.KnownKeys = new HashSet<string> { PowerKey };
        var t = p.Time.GetUtcNow();
        p.Publish(Event(EventAction.Trigger, "s1", t));
        p.Publish(Event(EventAction.Trigger, "s2", t));
        p.Publish(Event(EventAction.Resolve, "s1", t));
        p.Publish(Event(EventAction.Trigger, "ups", t, route: "power"));

        // Half an hour of passes, whenever the forwarder says something is due (at most a second apart).
        var end = t + TimeSpan.FromMinutes(30);
        while (p.Time.GetUtcNow() < end)
        {
            var next = await p.Forwarder.PumpAsync(CancellationToken.None);
            var step = next - p.Time.GetUtcNow();
            p.Time.Advance(step > TimeSpan.Zero ? step : TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(["trigger ups"], Sent(p));
        var held = p.Store.All().Where(e => e.Event.Route == "").ToList();
        Assert.All(held, e => Assert.Equal(OutboxStatus.Pending, e.Status));
        Assert.Equal(0, p.Store.Counts().Parked);
        Assert.Contains("Invalid routing key", held[0].LastError);
        // Re-probed at the back-off cap (5 min), not hammered: tries at 0, 5, 10, 15, 20 and 25 minutes.
        Assert.Equal(6, p.Emulator.Rejections.Count);
        var fault = Assert.Single(p.Forwarder.Status.RouteFaults);
        Assert.Equal(("default", RouteFaultKind.KeyRejected), (fault.Route, fault.Kind));
        Assert.DoesNotContain(Key, fault.Error);

        // The operator corrects the key (a reload): the lane drains at once, in order, with the new key.
        p.Emulator.KnownKeys = new HashSet<string> { PowerKey, NewKey };
        p.Options = p.Options with { RoutingKey = new RoutingKey(NewKey, "reloaded") };
        await p.Forwarder.PumpAsync(CancellationToken.None);

        Assert.Equal(["trigger ups", "trigger s1", "trigger s2", "resolve s1"], Sent(p));
        Assert.All(p.Emulator.Received.Skip(1), r => Assert.Equal(NewKey, r.RoutingKey));
        Assert.Empty(p.Forwarder.Status.RouteFaults);
    }

    [Theory]
    [InlineData("R0123456789abcdefABCDEF01234567-")]
    [InlineData("R0123456789abcdef")]
    public async Task A_key_PagerDuty_finds_malformed_holds_the_lane_too(string malformed)
    {
        await using var p = new Pipeline();
        p.Options = p.Options with { RoutingKey = new RoutingKey(malformed, "test") };
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));

        await p.Forwarder.PumpAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Pending, Assert.Single(p.Store.All()).Status);
        Assert.Equal(RouteFaultKind.KeyRejected, Assert.Single(p.Forwarder.Status.RouteFaults).Kind);
    }

    [Fact]
    public async Task A_relays_404_holds_the_lane_reports_the_route_and_a_later_probe_resumes_it()
    {
        await using var p = new Pipeline();
        p.Emulator.FailNext(1, EmulatorFault.NotFound);
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        p.Publish(Event(EventAction.Resolve, "s1", p.Time.GetUtcNow()));

        await p.Forwarder.PumpAsync(CancellationToken.None);

        Assert.Equal(0, p.Store.Counts().Parked);
        var fault = Assert.Single(p.Forwarder.Status.RouteFaults);
        Assert.Equal(RouteFaultKind.Refused, fault.Kind);
        Assert.StartsWith("HTTP 404 Not Found", fault.Error, StringComparison.Ordinal);

        // Held, not retried every second: the next probe comes at the back-off cap (5 min).
        for (var i = 0; i < 299; i++)
        {
            p.Time.Advance(TimeSpan.FromSeconds(1));
            await p.Forwarder.PumpAsync(CancellationToken.None);
        }
        Assert.Equal(1, p.Emulator.Requests);
        p.Time.Advance(TimeSpan.FromSeconds(1));
        await p.Forwarder.PumpAsync(CancellationToken.None);
        Assert.Equal(["trigger s1", "resolve s1"], Sent(p));
        Assert.Empty(p.Forwarder.Status.RouteFaults);
    }

    [Fact]
    public async Task A_413_parks_only_its_event_with_the_reason()
    {
        await using var p = new Pipeline();
        p.Emulator.FailNext(1, EmulatorFault.PayloadTooLarge);
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        p.Publish(Event(EventAction.Trigger, "s2", p.Time.GetUtcNow()));

        await p.PumpUntilIdleAsync();

        var parked = Assert.Single(p.Store.All(), e => e.Status == OutboxStatus.Parked);
        Assert.Equal("dc1-r12/rack-hot/s1", parked.Event.DedupKey);
        Assert.StartsWith("413 Payload Too Large", parked.LastError, StringComparison.Ordinal);
        Assert.Equal(["trigger s2"], Sent(p));
    }

    [Fact]
    public async Task A_resolve_after_key_rotation_goes_with_the_key_its_trigger_used()
    {
        await using var p = new Pipeline();
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        p.Options = p.Options with { RoutingKey = new RoutingKey(NewKey, "rotated") };
        Assert.Equal([("dc1-r12/rack-hot/s1", "")], p.Store.OpenUnderRetiredKey(p.Options));
        p.Publish(Event(EventAction.Resolve, "s1", p.Time.GetUtcNow()));
        p.Publish(Event(EventAction.Trigger, "s2", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        // PagerDuty drops a resolve sent with another key than its trigger's: it went with the old one and closed it.
        Assert.Equal([(Key, "resolve"), (NewKey, "trigger")], p.Emulator.Received.Skip(1).Select(r => (r.RoutingKey, r.Action)));
        Assert.Equal([(NewKey, "dc1-r12/rack-hot/s2")], p.Emulator.OpenAlerts.Select(a => (a.RoutingKey, a.DedupKey)));
        Assert.Empty(p.Store.OpenUnderRetiredKey(p.Options));
    }

    [Fact]
    public async Task A_resolve_whose_old_key_PagerDuty_no_longer_takes_is_parked_saying_so_and_the_route_goes_on()
    {
        await using var p = new Pipeline();
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();
        // The old integration was deleted when the key was rotated.
        p.Emulator.KnownKeys = new HashSet<string> { NewKey, PowerKey };
        p.Options = p.Options with { RoutingKey = new RoutingKey(NewKey, "rotated") };
        p.Publish(Event(EventAction.Resolve, "s1", p.Time.GetUtcNow()));
        p.Publish(Event(EventAction.Trigger, "s2", p.Time.GetUtcNow()));

        await p.PumpUntilIdleAsync();

        var parked = Assert.Single(p.Store.All(), e => e.Status == OutboxStatus.Parked);
        Assert.Equal(EventAction.Resolve, parked.Event.Action);
        Assert.Contains("the routing key this incident was triggered with", parked.LastError);
        Assert.Equal((NewKey, "dc1-r12/rack-hot/s2"), (p.Emulator.Received[^1].RoutingKey, p.Emulator.Received[^1].DedupKey));
        Assert.Empty(p.Forwarder.Status.RouteFaults);

        // The dead key is forgotten with it: the alert's next trigger opens a new incident with the route's key.
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();
        Assert.Equal((NewKey, "trigger", "dc1-r12/rack-hot/s1"), (p.Emulator.Received[^1].RoutingKey, p.Emulator.Received[^1].Action, p.Emulator.Received[^1].DedupKey));
    }
}
