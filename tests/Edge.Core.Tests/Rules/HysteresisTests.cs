using Edge.Core.Alerts;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class HysteresisTests
{
    [Fact]
    public void A_value_swinging_around_the_threshold_for_an_hour_inside_the_band_triggers_once_and_resolves_at_most_once()
    {
        var rack = new Rack(Rack.Hot() with { Above = 27, ClearAbove = 26 });
        var polls = (int)(TimeSpan.FromHours(1) / Rack.Interval);

        for (var i = 0; i < polls; i++)
            rack.PollTemperature(i % 2 == 0 ? 27.2 : 26.8);

        Assert.Single(rack.Sink.Triggers);
        Assert.Empty(rack.Sink.Resolves);
    }

    [Fact]
    public void Without_a_clear_threshold_the_alert_resolves_as_soon_as_the_value_is_back_at_the_threshold()
    {
        var rack = new Rack(Rack.Hot());

        rack.PollTemperature(27.2, 27.0);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void A_firing_alert_resolves_only_once_the_value_is_back_past_the_clear_threshold()
    {
        var rack = new Rack(Rack.Hot() with { Above = 27, ClearAbove = 26 });

        rack.PollTemperature(28, 26.5, 26.1);
        Assert.Empty(rack.Sink.Resolves);

        rack.PollTemperature(26);
        Assert.Single(rack.Sink.Resolves);
    }

    [Fact]
    public void A_below_rule_clears_above_its_clear_threshold()
    {
        var rack = new Rack(Rack.Hot() with { Above = null, Below = 18, ClearBelow = 19 });

        rack.PollTemperature(17, 18.5, 18.9);
        Assert.Single(rack.Sink.Triggers);
        Assert.Empty(rack.Sink.Resolves);

        rack.PollTemperature(19);
        Assert.Single(rack.Sink.Resolves);
    }

    [Fact]
    public void Clear_for_holds_the_resolve_until_the_value_has_been_clear_that_long()
    {
        var rack = new Rack(Rack.Hot() with { ClearFor = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(28, 25, 25, 25, 25, 25);
        Assert.Empty(rack.Sink.Resolves);

        rack.PollTemperature(25, 25);
        Assert.Single(rack.Sink.Resolves);
    }

    [Fact]
    public void A_breach_during_clear_for_keeps_the_alert_firing_without_a_second_trigger()
    {
        var rack = new Rack(Rack.Hot() with { ClearFor = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(28, 25, 25, 28, 25, 25, 25, 25, 25, 25, 25);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }
}
