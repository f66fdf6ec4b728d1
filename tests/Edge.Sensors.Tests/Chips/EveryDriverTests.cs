using Edge.Core.Readings;
using Edge.Sensors.Chips;
using Edge.Sensors.Tests.Simulation;
using Edge.Sensors.Tests.Support;

namespace Edge.Sensors.Tests.Chips;

/// <summary>What every I2C driver must do against its register-accurate chip.</summary>
public class EveryDriverTests
{
    public static readonly TheoryData<string, double, double> Points = Points_();

    private static TheoryData<string, double, double> Points_()
    {
        var data = new TheoryData<string, double, double>();
        foreach (var driver in new[] { "sht3x", "sht4x", "shtc3", "si7021", "htu21d", "aht20", "bme280" })
        {
            // Includes the SHTC3's 42.5 °C boundary (S_T = 0x8000) and hot-aisle air above it.
            foreach (var (t, rh) in new[] { (-10.0, 5.0), (0.0, 20.0), (23.5, 41.2), (42.4, 55.0), (42.6, 60.0), (50.0, 80.0), (70.0, 95.0) })
                data.Add(driver, t, rh);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Reads_the_temperature_and_humidity_the_chip_measures(string driver, double temperature, double humidity)
    {
        using var rig = new Rig();
        var chip = SimChips.Attach(rig, driver);
        chip.TemperatureC = temperature;
        chip.HumidityPct = humidity;
        using var sensor = rig.Sensor(driver);

        var readings = rig.Poll(sensor);

        Assert.Equal(temperature, readings.Value(Metrics.TemperatureC)!.Value, 0.05);
        Assert.Equal(humidity, readings.Value(Metrics.HumidityPct)!.Value, 0.1);
        Assert.Equal(1, readings.Value(Metrics.Reachable));
    }

    [Theory]
    [MemberData(nameof(SimChips.ChecksummedDrivers), MemberType = typeof(SimChips))]
    public void A_bad_checksum_is_no_reading_never_the_previous_value(string driver)
    {
        using var rig = new Rig();
        var chip = SimChips.Attach(rig, driver);
        using var sensor = rig.Sensor(driver);
        Assert.Equal(23.5, rig.Poll(sensor).Value(Metrics.TemperatureC)!.Value, 0.05);

        chip.TemperatureC = 30;
        chip.CorruptNextFrames = 1000;
        var bad = rig.Poll(sensor);

        Assert.False(bad.Has(Metrics.TemperatureC));
        Assert.False(bad.Has(Metrics.HumidityPct));
        Assert.Equal(ChipStatus.CrcError, sensor.Counters.LastStatus);

        chip.CorruptNextFrames = 1; // one bad frame: the retry reads the new value
        Assert.Equal(30, rig.Poll(sensor).Value(Metrics.TemperatureC)!.Value, 0.05);
    }

    [Theory]
    [MemberData(nameof(SimChips.AllDrivers), MemberType = typeof(SimChips))]
    public void A_chip_that_disappears_goes_unreachable_after_three_polls_and_comes_back_by_itself(string driver)
    {
        using var rig = new Rig();
        var chip = SimChips.Attach(rig, driver);
        using var sensor = rig.Sensor(driver);
        Assert.Equal(1, rig.Poll(sensor).Value(Metrics.Reachable));

        chip.Present = false;
        var first = rig.Poll(sensor);
        var second = rig.Poll(sensor);
        var third = rig.Poll(sensor);

        Assert.Empty(first.All);
        Assert.Empty(second.All);
        Assert.Equal([(Metrics.Reachable, 0.0)], third.All.Select(r => (r.Metric, r.Value)));
        Assert.Equal(ChipStatus.Nack, sensor.Counters.LastStatus);
        Assert.StartsWith("Error 121", sensor.Counters.LastError);
        Assert.Equal(3 * (I2cSensor.MaxAttempts - 1), sensor.Counters.Retries);

        chip.Present = true;
        var back = rig.Poll(sensor);
        Assert.Equal(1, back.Value(Metrics.Reachable));
        Assert.Equal(23.5, back.Value(Metrics.TemperatureC)!.Value, 0.05);
    }

    [Theory]
    [MemberData(nameof(SimChips.AllDrivers), MemberType = typeof(SimChips))]
    public void A_chip_that_stays_busy_is_no_reading_and_the_poll_still_ends(string driver)
    {
        using var rig = new Rig();
        var chip = SimChips.Attach(rig, driver);
        using var sensor = rig.Sensor(driver);
        rig.Poll(sensor);

        chip.StayBusy = true;
        var sink = new ReadingBuffer();
        var took = rig.TimedPoll(sensor, sink);

        Assert.Empty(sink.All);
        Assert.Equal(ChipStatus.Busy, sensor.Counters.LastStatus);
        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took}");
    }

    [Theory]
    [MemberData(nameof(SimChips.AllDrivers), MemberType = typeof(SimChips))]
    public void A_bus_stuck_low_is_cleared_with_clock_pulses_and_a_stop_within_two_seconds(string driver)
    {
        using var rig = new Rig();
        SimChips.Attach(rig, driver);
        using var sensor = rig.Sensor(driver);
        rig.Poll(sensor);

        rig.Bus.Wire.HoldSdaLow(clocksUntilRelease: 6);
        var sink = new ReadingBuffer();
        var took = rig.TimedPoll(sensor, sink);

        Assert.Equal(23.5, sink.Value(Metrics.TemperatureC)!.Value, 0.05);
        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took}");
        Assert.Equal(1, rig.Buses.Get(1).Recoveries);
        Assert.InRange(rig.Bus.Wire.ClockPulses, 6, 9);
        Assert.True(rig.Bus.Wire.Stops >= 1);
        Assert.True(rig.Bus.Wire.SdaIsI2c && rig.Bus.Wire.SclIsI2c, "GPIO2/3 back in their I2C function");
    }
}
