using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class UpsLostOnBatteryTests
{
    private static Rack Rack() => new([.. RulePresets.Expand("ups-lost-on-battery", Selector.All, null, null, GroupBy.Entity)]);

    [Fact]
    public void A_ups_that_goes_silent_while_on_battery_pages_critical_and_resolves_when_it_answers()
    {
        var rack = Rack();

        rack.Read("ups-1", Metrics.Reachable, 1);
        rack.ReadState("ups-1", Metrics.OutputSource, "battery");
        rack.Clock.Advance(Support.Rack.Interval);
        rack.Read("ups-1", Metrics.Reachable, 0);

        var trigger = Assert.Single(rack.Sink.Events);
        Assert.Equal(EventAction.Trigger, trigger.Action);
        Assert.Equal(Severity.Critical, trigger.Severity);
        Assert.Equal("dc1-r12/ups-lost-on-battery/ups-1", trigger.DedupKey);

        rack.Clock.Advance(Support.Rack.Interval);
        rack.Read("ups-1", Metrics.Reachable, 1);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void A_ups_that_goes_silent_on_line_or_during_a_self_test_is_only_offline()
    {
        foreach (var state in new[] { "normal", "test", "bypass" })
        {
            var rack = Rack();

            rack.ReadState("ups-1", Metrics.OutputSource, state);
            rack.Read("ups-1", Metrics.Reachable, 1);
            rack.Clock.Advance(Support.Rack.Interval);
            rack.Read("ups-1", Metrics.Reachable, 0);

            Assert.Empty(rack.Sink.Events);
        }
    }

    [Fact]
    public void A_device_that_never_reported_an_output_source_gets_no_derived_series()
    {
        var rack = Rack();

        rack.Read("pdu-a", Metrics.Reachable, 0);

        Assert.False(rack.Engine.Store.TryGet("pdu-a", Metrics.LostOnBattery, out _));
        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void On_battery_while_reachable_is_not_lost()
    {
        var rack = Rack();

        rack.ReadState("ups-1", Metrics.OutputSource, "battery");
        rack.Read("ups-1", Metrics.Reachable, 1);

        Assert.True(rack.Engine.Store.TryGet("ups-1", Metrics.LostOnBattery, out var series));
        Assert.True(series.TryLast(out _, out var lost));
        Assert.Equal(0, lost);
        Assert.Empty(rack.Sink.Events);
    }
}
