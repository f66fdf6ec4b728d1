using Edge.Core.Readings;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Readings;

public class DewPointTests
{
    [Theory]
    // Reference values from the Magnus formula with Sonntag's constants; NOAA's calculator agrees within 0.1 °C.
    [InlineData(25, 50, 13.85)]
    [InlineData(20, 100, 20.0)]
    [InlineData(30, 30, 10.5)]
    [InlineData(18, 60, 10.13)]
    public void Dew_point_follows_the_magnus_formula(double temperature, double humidity, double expected)
    {
        Assert.True(DewPoint.TryCompute(temperature, humidity, out var dewPoint));
        Assert.Equal(expected, dewPoint, 0.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(101)]
    public void An_impossible_humidity_gives_no_dew_point(double humidity) =>
        Assert.False(DewPoint.TryCompute(25, humidity, out _));

    [Fact]
    public void Every_entity_with_temperature_and_humidity_of_one_measurement_gets_a_dew_point_series()
    {
        var rack = new Rack(Rack.Hot("muggy") with { Metric = Metrics.DewPointC, Above = 15 });

        rack.Read("pdu-a/sensor/1", Metrics.TemperatureC, 25);
        rack.Read("pdu-a/sensor/1", Metrics.HumidityPct, 70);

        Assert.True(rack.Engine.Store.TryGet("pdu-a/sensor/1", Metrics.DewPointC, out var series));
        Assert.True(series.TryLast(out _, out var dewPoint));
        Assert.Equal(19.1, dewPoint, 0.1);
        Assert.Equal("dc1-r12/muggy/pdu-a/sensor/1", Assert.Single(rack.Sink.Events).DedupKey);
    }

    [Fact]
    public void Temperature_and_humidity_read_at_different_times_give_no_dew_point()
    {
        var rack = new Rack();

        rack.Poll("s1", Metrics.TemperatureC, 25);
        rack.Poll("s1", Metrics.HumidityPct, 70);

        Assert.False(rack.Engine.Store.TryGet("s1", Metrics.DewPointC, out _));
    }
}
