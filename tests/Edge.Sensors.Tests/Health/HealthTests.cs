using Edge.Core.Readings;
using Edge.Sensors.Bus;
using Edge.Sensors.Health;
using Edge.Sensors.Tests.Simulation;
using Edge.Sensors.Tests.Support;

namespace Edge.Sensors.Tests.Health;

public class HealthTests
{
    [Fact]
    public void A_bit_shifted_frame_that_passes_its_crc_is_rejected_and_counted()
    {
        using var rig = new Rig();
        var chip = rig.Bus.Attach(0x44, new Sht4xSimulator(rig.Time) { HumidityPct = 50 });
        using var sensor = rig.Sensor("sht4x");
        rig.Poll(sensor);

        chip.ShiftNextFrames = 1; // T word ×2 → 92 °C (in range, an impossible jump); RH word ×2 → 106 % (out of range)
        var shifted = rig.Poll(sensor);

        Assert.False(shifted.Has(Metrics.TemperatureC));
        Assert.False(shifted.Has(Metrics.HumidityPct));
        Assert.Equal(1, shifted.Value(Metrics.Reachable));
        Assert.Equal(2, sensor.Counters.Rejected);
        Assert.Equal(23.5, rig.Poll(sensor).Value(Metrics.TemperatureC)!.Value, 0.05);
    }

    [Fact]
    public void A_jump_faster_than_air_is_rejected_and_a_real_change_is_accepted_a_poll_later()
    {
        using var rig = new Rig();
        var chip = rig.Bus.Attach(0x44, new Sht3xSimulator(rig.Time));
        using var sensor = rig.Sensor("sht3x");
        rig.Poll(sensor);

        chip.TemperatureC = 50; // +26.5 °C in 10 s
        Assert.False(rig.Poll(sensor).Has(Metrics.TemperatureC));
        Assert.Equal(50, rig.Poll(sensor).Value(Metrics.TemperatureC)!.Value, 0.05); // 20 s: allowance 43 °C
        Assert.Equal(1, sensor.Counters.Rejected);
    }

    [Fact]
    public void A_chip_stuck_out_of_range_logs_the_first_rejection_of_a_streak_and_counts_them_all()
    {
        const int Rejected = 4002;
        using var rig = new Rig();
        var chip = rig.Bus.Attach(0x44, new Sht4xSimulator(rig.Time) { HumidityPct = 110 }); // beyond the datasheet's crop band
        using var sensor = rig.Sensor("sht4x");

        for (var i = 0; i < 10; i++)
            Assert.False(rig.Poll(sensor).Has(Metrics.HumidityPct));

        Assert.Equal(10, sensor.Counters.Rejected);
        var line = Assert.Single(rig.Logs.GetSnapshot(), l => l.Id.Id == Rejected);
        Assert.Contains("counted, not logged", line.Message);

        chip.HumidityPct = 50;
        Assert.True(rig.Poll(sensor).Has(Metrics.HumidityPct)); // a poll with every value accepted ends the streak
        chip.HumidityPct = 110;
        rig.Poll(sensor);
        Assert.Equal(2, rig.Logs.GetSnapshot().Count(l => l.Id.Id == Rejected));
        Assert.Equal(11, sensor.Counters.Rejected);
    }

    [Fact]
    public void The_offset_calibrates_temperature_only()
    {
        using var rig = new Rig();
        rig.Bus.Attach(0x44, new Sht3xSimulator(rig.Time));
        using var sensor = rig.Sensor("sht3x", offset: -0.7);
        var readings = rig.Poll(sensor);
        Assert.Equal(22.8, readings.Value(Metrics.TemperatureC)!.Value, 0.05);
        Assert.Equal(41.2, readings.Value(Metrics.HumidityPct)!.Value, 0.05);
    }

    [Fact]
    public void A_heater_left_on_is_switched_off_before_the_first_reading()
    {
        using var rig = new Rig();
        var sht = rig.Bus.Attach(0x44, new Sht3xSimulator(rig.Time));
        sht.TurnHeaterOn();
        var si = rig.Bus.Attach(0x40, new Si7021Simulator(rig.Time));
        si.TurnHeaterOn();
        var sht4 = rig.Bus.Attach(0x45, new Sht4xSimulator(rig.Time));
        using var a = rig.Sensor("sht3x", id: "a");
        using var b = rig.Sensor("si7021", id: "b");
        using var c = rig.Sensor("sht4x", address: 0x45, id: "c");

        rig.Poll(a);
        rig.Poll(b);
        rig.Poll(c);

        Assert.False(sht.HeaterOn);
        Assert.False(si.HeaterOn);
        Assert.Equal(0, sht4.HeaterPulses);
    }

    [Fact]
    public void Single_shot_measurements_happen_at_most_once_a_second()
    {
        using var rig = new Rig();
        var chip = rig.Bus.Attach(0x44, new Sht3xSimulator(rig.Time));
        using var sensor = rig.Sensor("sht3x");
        var sink = new ReadingBuffer();
        rig.TimedPoll(sensor, sink);

        var second = rig.TimedPoll(sensor, sink);

        Assert.True(second >= TimeSpan.FromSeconds(0.95), $"second poll after {second}");
        Assert.Equal(2, chip.Measurements);
    }

    [Fact]
    public void Backoff_doubles_from_50_ms_to_at_most_400_ms()
    {
        Assert.Equal([0, 50, 100, 200, 400, 400], Enumerable.Range(0, 6).Select(n => Backoff.BeforeRetry(n).TotalMilliseconds));
    }

    [Fact]
    public void A_sensor_that_stays_unreachable_is_power_cycled_through_its_power_pin()
    {
        using var rig = new Rig();
        var chip = rig.Bus.Attach(0x38, new Aht20Simulator(rig.Time));
        rig.Pins.Supply(17, chip);
        using var sensor = rig.Sensor("aht20", powerPin: 17);
        rig.Poll(sensor);

        chip.StayBusy = true;   // wedged: only a power cycle resets it
        for (var i = 0; i < I2cSensor.UnreachableAfterPolls; i++)
            rig.Poll(sensor);
        Assert.Equal(1, sensor.Counters.PowerCycles);
        Assert.Equal(1, rig.Pins.PowerCycles);
    }
}
