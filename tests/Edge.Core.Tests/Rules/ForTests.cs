using Edge.Core.Alerts;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class ForTests
{
    [Fact]
    public void A_condition_true_for_less_than_for_never_triggers()
    {
        var rack = new Rack(Rack.Hot() with { For = TimeSpan.FromMinutes(2) });

        // 28 for 110 s (12 polls span 110 s), then back to normal, repeatedly.
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 12; i++)
                rack.PollTemperature(28);
            rack.PollTemperature(25);
        }

        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void A_condition_that_holds_for_the_whole_for_duration_triggers_once_with_the_time_it_was_met()
    {
        var rack = new Rack(Rack.Hot() with { For = TimeSpan.FromMinutes(2) });
        var start = rack.Clock.GetUtcNow();

        for (var i = 0; i < 20; i++)
            rack.PollTemperature(28);

        var trigger = Assert.Single(rack.Sink.Events);
        Assert.Equal(EventAction.Trigger, trigger.Action);
        Assert.Equal(start + TimeSpan.FromMinutes(2), trigger.DetectedAt);
    }

    [Fact]
    public void Pending_that_falls_back_does_not_resolve_anything()
    {
        var rack = new Rack(Rack.Hot() with { For = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(28, 28, 25);

        Assert.Empty(rack.Sink.Events);
        Assert.Empty(rack.Engine.Snapshot());
    }
}
