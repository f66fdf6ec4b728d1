using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class WindowTests
{
    [Fact]
    public void An_average_over_a_window_ignores_a_single_spike()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(25, 25, 25, 25, 25, 25, 35, 25, 25, 25); // (25 * 5 + 35) / 6 = 26.7

        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void An_average_over_a_window_fires_when_the_whole_window_runs_hot()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(25, 25, 25, 25, 25, 25, 28, 28, 28);
        Assert.Empty(rack.Sink.Events); // (25*3 + 28*3) / 6 = 26.5

        rack.PollTemperature(28);
        Assert.Empty(rack.Sink.Events); // (25*2 + 28*4) / 6 = 27.0, not above 27

        rack.PollTemperature(28);
        var trigger = Assert.Single(rack.Sink.Events); // (25 + 28*5) / 6 = 27.5
        Assert.Equal("27.5", trigger.Details.Value);
    }

    [Fact]
    public void Min_over_a_window_fires_only_when_every_reading_of_the_window_is_above()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Min, Window = TimeSpan.FromSeconds(30) });

        rack.PollTemperature(26, 26, 28, 28); // the window (30 s: the last 3 polls) still holds a 26
        Assert.Empty(rack.Sink.Events);

        rack.PollTemperature(28);
        Assert.Single(rack.Sink.Triggers);
    }

    [Fact]
    public void Max_over_a_window_keeps_firing_until_the_peak_has_left_the_window()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Max, Window = TimeSpan.FromSeconds(30) });

        rack.PollTemperature(30, 25, 25);
        Assert.Empty(rack.Sink.Resolves);

        rack.PollTemperature(25);
        Assert.Single(rack.Sink.Resolves);
    }

    [Fact]
    public void Rising_fires_when_the_rate_of_change_per_minute_exceeds_the_limit()
    {
        var rack = new Rack(Rack.Hot() with { Above = 2, Aggregate = Aggregate.Rate, Window = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(24, 24.1, 24.2, 24.3); // 0.6 °C/min
        Assert.Empty(rack.Sink.Events);

        rack.PollTemperature(25, 26); // 26 - 24.1 over 40 s = 2.85 °C/min
        var trigger = Assert.Single(rack.Sink.Events);
        Assert.Equal("rate(temperature_c, 1m) > 2", trigger.Details.Condition);
    }

    [Fact]
    public void A_rate_alert_gives_its_value_and_threshold_per_minute()
    {
        var rack = new Rack(Rack.Hot() with { Above = 2, Aggregate = Aggregate.Rate, Window = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(24, 25); // 6 °C/min

        var trigger = Assert.Single(rack.Sink.Events);
        Assert.Equal("6", trigger.Details.Value);
        Assert.Equal("°C/min", trigger.Details.Unit);
        Assert.Equal("[dc1-r12] s1 temperature_c is 6 °C/min: rate(temperature_c, 1m) > 2", trigger.Summary);
        Assert.Equal(["25", "24"], trigger.Details.Recent.Select(r => r.Value));
    }

    [Fact]
    public void Falling_fires_when_the_value_drops_faster_than_the_limit()
    {
        var rack = new Rack(Rack.Hot() with { Above = null, Below = -3, Aggregate = Aggregate.Rate, Window = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(30, 29.9, 29.8);
        Assert.Empty(rack.Sink.Events);

        rack.PollTemperature(28, 27); // 27 - 30 over 30 s = -6 °C/min
        Assert.Single(rack.Sink.Triggers);
    }

    [Fact]
    public void A_rate_needs_two_readings_in_the_window()
    {
        var rack = new Rack(Rack.Hot() with { Above = 0.1, Aggregate = Aggregate.Rate, Window = TimeSpan.FromSeconds(5) });

        rack.PollTemperature(20, 30, 40);

        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void The_ring_buffer_is_sized_from_the_longest_window_and_the_poll_interval()
    {
        var rack = new Rack(
            Rack.Hot() with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(5) },
            Rack.Hot("short") with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) });

        rack.PollTemperature(25);
        rack.Poll("s1", Metrics.HumidityPct, 40);

        Assert.True(rack.Engine.Store.TryGet("s1", Metrics.TemperatureC, out var temperature));
        Assert.Equal(5 * 6 + 2, temperature.Capacity);
        Assert.True(rack.Engine.Store.TryGet("s1", Metrics.HumidityPct, out var humidity));
        Assert.Equal(10, humidity.Capacity);
    }
}
