using Edge.Core.Alerts;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class ThresholdTests
{
    [Fact]
    public void A_value_above_the_threshold_triggers_once_and_resolves_once_when_it_falls_back()
    {
        var rack = new Rack(Rack.Hot());

        rack.PollTemperature(25, 28, 29, 30, 26);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
        Assert.Equal("dc1-r12/rack-hot/s1", rack.Sink.Events[0].DedupKey);
        Assert.Equal(rack.Sink.Events[0].DedupKey, rack.Sink.Events[1].DedupKey);
    }

    [Fact]
    public void A_value_exactly_at_the_threshold_is_not_above_it()
    {
        var rack = new Rack(Rack.Hot());

        rack.PollTemperature(27, 27, 27);

        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void Below_fires_when_the_value_drops_under_the_threshold()
    {
        var rack = new Rack(Rack.Hot() with { Above = null, Below = 18 });

        rack.PollTemperature(20, 17.5, 19);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void Outside_a_band_fires_on_either_side_and_each_excursion_is_one_incident()
    {
        var rack = new Rack(Rack.Hot() with { Above = 27, Below = 18 });

        rack.PollTemperature(22, 28, 22, 17, 22);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve, EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void Re_evaluating_a_firing_alert_sends_nothing()
    {
        var rack = new Rack(Rack.Hot());

        rack.PollTemperature(28, 29, 30, 31, 32, 33, 34);

        Assert.Single(rack.Sink.Events);
    }
}
