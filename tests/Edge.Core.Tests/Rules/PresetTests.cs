using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class PresetTests
{
    private static Rack Ashrae() => new([.. RulePresets.Expand("ashrae-a1", Selector.All, severity: null, @for: null, GroupBy.Entity)]);

    [Fact]
    public void The_ashrae_a1_preset_pages_when_dry_bulb_stays_above_27_for_five_minutes()
    {
        var rack = Ashrae();

        for (var i = 0; i < 32; i++)
            rack.PollTemperature(27.5);
        for (var i = 0; i < 8; i++)
            rack.PollTemperature(26.4); // clear for a minute

        Assert.Equal(
            [(EventAction.Trigger, "dc1-r12/ashrae-a1-temperature/s1"), (EventAction.Resolve, "dc1-r12/ashrae-a1-temperature/s1")],
            rack.Sink.Events.Select(e => (e.Action, e.DedupKey)));
    }

    [Fact]
    public void The_ashrae_a1_preset_pages_on_dry_air_humid_air_and_a_high_dew_point()
    {
        var rack = Ashrae();

        for (var i = 0; i < 32; i++)
        {
            rack.Read("s1", Metrics.TemperatureC, 24);
            rack.Read("s1", Metrics.HumidityPct, 65); // dew point 17 °C
            rack.Read("s2", Metrics.TemperatureC, 18.5);
            rack.Read("s2", Metrics.HumidityPct, 10); // dew point -12.8 °C
            rack.Clock.Advance(Rack.Interval);
        }

        Assert.Equal(
            ["dc1-r12/ashrae-a1-dewpoint/s1", "dc1-r12/ashrae-a1-dewpoint/s2", "dc1-r12/ashrae-a1-humidity/s1"],
            rack.Sink.Triggers.Select(e => e.DedupKey).Order());
    }

    [Fact]
    public void The_ashrae_a1_preset_stays_quiet_inside_the_recommended_envelope()
    {
        var rack = Ashrae();

        for (var i = 0; i < 100; i++)
        {
            rack.Read("s1", Metrics.TemperatureC, 18.2 + i % 9);
            rack.Read("s1", Metrics.HumidityPct, 40);
            rack.Clock.Advance(Rack.Interval);
        }

        Assert.Empty(rack.Sink.Events);
    }
}
