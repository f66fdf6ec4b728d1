using Edge.Core.Readings;
using Edge.Sensors.Bus;
using Edge.Sensors.Tests.Simulation;
using Edge.Sensors.Tests.Support;

namespace Edge.Sensors.Tests.Bus;

public class BusTests
{
    [Fact]
    public void Two_sensors_at_one_address_behind_a_tca9548a_read_their_own_channel()
    {
        using var rig = new Rig();
        var mux = rig.Bus.Attach(0x71, new Tca9548ASimulator(rig.Time));
        mux.Attach(2, 0x44, new Sht3xSimulator(rig.Time) { TemperatureC = 18.5 });
        mux.Attach(5, 0x44, new Sht3xSimulator(rig.Time) { TemperatureC = 35.25 });
        using var cold = rig.Sensor("sht3x", mux: new MuxAddress(0x71, 2), id: "cold-aisle");
        using var hot = rig.Sensor("sht3x", mux: new MuxAddress(0x71, 5), id: "hot-aisle");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(18.5, rig.Poll(cold).Value(Metrics.TemperatureC)!.Value, 0.05);
            Assert.Equal(35.25, rig.Poll(hot).Value(Metrics.TemperatureC)!.Value, 0.05);
        }
    }

    [Fact]
    public async Task Sensors_on_one_bus_never_interleave_transactions()
    {
        var bus = new SimulatedI2cBus { Record = true };
        bus.Attach(0x44, new Sht3xSimulator(TimeProvider.System));
        bus.Attach(0x45, new Sht3xSimulator(TimeProvider.System));
        using var buses = new SensorBusRegistry(_ => bus, _ => null, TimeProvider.System);
        var options = new Edge.Sensors.Configuration.SensorOptions("a", "sht3x", TimeSpan.FromSeconds(1)) { Address = 0x44 };
        using var a = (I2cSensor)SensorFactory.Create(options, TimeProvider.System, buses);
        using var b = (I2cSensor)SensorFactory.Create(options with { Id = "b", Address = 0x45 }, TimeProvider.System, buses);

        await Task.WhenAll(
            Task.Run(async () => await a.PollAsync(new ReadingBuffer(), CancellationToken.None)),
            Task.Run(async () => await b.PollAsync(new ReadingBuffer(), CancellationToken.None)));

        // Every read of a Sensirion chip directly follows a command to, or a read of, the same chip: nothing of the other
        // chip in between. (A read may follow a read: on a loaded machine the real clock can make the driver read again.)
        var log = bus.Log;
        Assert.Contains(-0x44, log);
        Assert.Contains(-0x45, log);
        for (var i = 0; i < log.Count; i++)
        {
            if (log[i] < 0)
                Assert.Equal(-log[i], Math.Abs(log[i - 1]));
        }
    }

    [Fact]
    public void A_bus_that_stays_stuck_after_nine_clocks_is_freed_by_power_cycling_the_sensors()
    {
        using var rig = new Rig();
        var chip = rig.Bus.Attach(0x44, new Sht3xSimulator(rig.Time));
        rig.Pins.Supply(22, chip);
        using var sensor = rig.Sensor("sht3x", powerPin: 22);
        rig.Poll(sensor);

        rig.Bus.Wire.HoldSdaLowUntilPowerCycle();
        var sink = new ReadingBuffer();
        var took = rig.TimedPoll(sensor, sink);

        // The supply stays off and then settles for the real waits (200 + 50 ms), within the same poll.
        Assert.InRange(took, BusRecovery.PowerOffTime + BusRecovery.PowerOnTime, TimeSpan.FromSeconds(2));
        Assert.Equal(23.5, sink.Value(Metrics.TemperatureC)!.Value, 0.05);
        Assert.Equal(1, rig.Buses.Get(1).PowerCycles);
        Assert.True(chip.Powered, "the power pin is left switched on");
    }

    [Fact]
    public void A_controller_timeout_while_sda_is_low_is_recovered_too()
    {
        using var rig = new Rig();
        rig.Bus.Attach(0x44, new Sht3xSimulator(rig.Time));
        using var sensor = rig.Sensor("sht3x");
        rig.Poll(sensor);

        rig.Bus.Symptom = StuckSymptom.Timeout;
        rig.Bus.Wire.HoldSdaLow(clocksUntilRelease: 9);
        var sink = new ReadingBuffer();
        rig.TimedPoll(sensor, sink);

        Assert.True(sink.Has(Metrics.TemperatureC));
        Assert.InRange(rig.Bus.Wire.ClockPulses, 9, 10); // nine clocks, and the STOP's own SCL release
    }

    [Fact]
    public void An_absent_chip_is_not_a_stuck_bus_no_clocks_are_sent()
    {
        using var rig = new Rig();
        using var sensor = rig.Sensor("sht3x");
        for (var i = 0; i < 5; i++)
            rig.Poll(sensor);

        Assert.Equal(0, rig.Bus.Wire.ClockPulses);
        Assert.Equal(0, rig.Buses.Get(1).Recoveries);
        Assert.True(rig.Bus.Wire.SdaIsI2c && rig.Bus.Wire.SclIsI2c);
    }
}
