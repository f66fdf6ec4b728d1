using Edge.Sensors.Tests.Simulation;
using Iot.Device.Ahtxx;
using Iot.Device.Sht3x;
using Iot.Device.Sht4x;
using Iot.Device.Shtc3;
using Iot.Device.Si7021;

namespace Edge.Sensors.Tests.Bindings;

/// <summary>
/// The real dotnet/iot 4.2.0 bindings against the simulated chips, on the real clock (the bindings sleep): proof that
/// the simulators speak each chip's protocol as the bindings expect, and a record of the binding defects that made
/// Edge's drivers talk to these chips directly (shared/spec/i2c-and-lcd.md §0).
/// </summary>
public class RealBindingsOnTheSimulatorsTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Theory]
    [InlineData(-40, 0)]
    [InlineData(0, 41.2)]
    [InlineData(23.5, 60)]
    [InlineData(85, 100)]
    public void Sht3x_binding_reads_the_simulated_sht3x(double t, double rh)
    {
        var bus = new SimulatedI2cBus();
        bus.Attach(0x44, new Sht3xSimulator(Clock) { TemperatureC = t, HumidityPct = rh });
        using var sht = new Sht3x(bus.CreateDevice(0x44));
        Assert.Equal(t, sht.Temperature.DegreesCelsius, 0.1);
        Assert.Equal(rh, sht.Humidity.Percent, 0.1);
    }

    [Fact]
    public void Sht3x_binding_swallows_a_crc_error_and_returns_zero_not_no_reading()
    {
        var bus = new SimulatedI2cBus();
        bus.Attach(0x44, new Sht3xSimulator(Clock) { TemperatureC = 30, CorruptNextFrames = 1 });
        using var sht = new Sht3x(bus.CreateDevice(0x44));
        Assert.Equal(0, sht.Temperature.DegreesCelsius); // the defect Sht3xChip exists for
    }

    [Theory]
    [InlineData(-10, 5)]
    [InlineData(23.5, 41.2)]
    [InlineData(60, 90)]
    public void Sht4x_binding_reads_the_simulated_sht4x_and_reports_a_bad_crc_as_null(double t, double rh)
    {
        var bus = new SimulatedI2cBus();
        var chip = bus.Attach(0x44, new Sht4xSimulator(Clock) { TemperatureC = t, HumidityPct = rh });
        using var sht = new Sht4x(bus.CreateDevice(0x44));
        var (humidity, temperature) = sht.ReadHumidityAndTemperature();
        Assert.Equal(t, temperature!.Value.DegreesCelsius, 0.01);
        Assert.Equal(rh, humidity!.Value.Percent, 0.01);

        chip.CorruptNextFrames = 1;
        Assert.Null(sht.ReadHumidityAndTemperature().RelativeHumidity);
    }

    [Fact]
    public void Shtc3_binding_reads_below_42_5_degrees_and_wraps_above_it()
    {
        var bus = new SimulatedI2cBus();
        var chip = bus.Attach(0x70, new Shtc3Simulator(Clock) { TemperatureC = 23.5, HumidityPct = 41.2 });
        using var shtc3 = new Shtc3(bus.CreateDevice(0x70));
        Assert.True(shtc3.TryGetTemperatureAndHumidity(out var t, out var rh));
        Assert.Equal(23.5, t.DegreesCelsius, 0.1);
        Assert.Equal(41.2, rh.Percent, 0.1);

        chip.TemperatureC = 50;
        Assert.True(shtc3.TryGetTemperatureAndHumidity(out t, out _));
        Assert.Equal(-125, t.DegreesCelsius, 0.1); // signed parse of S_T ≥ 0x8000: the defect Shtc3Chip exists for
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Si7021_binding_reads_the_simulated_si7021_and_htu21d_with_hold_master_commands(bool htu21d)
    {
        var bus = new SimulatedI2cBus();
        bus.Attach(0x40, new Si7021Simulator(Clock, htu21d) { TemperatureC = 31.25, HumidityPct = 48 });
        var si = new Si7021(bus.CreateDevice(0x40));
        Assert.Equal(31.25, si.Temperature.DegreesCelsius, 0.1);
        Assert.Equal(48, si.Humidity.Percent, 0.1);
    }

    [Fact]
    public async Task Aht20_binding_reads_the_simulated_aht20_and_never_returns_from_a_chip_that_stays_busy()
    {
        var bus = new SimulatedI2cBus();
        var chip = bus.Attach(0x38, new Aht20Simulator(Clock) { TemperatureC = 31.675, HumidityPct = 23.191 });
        using var aht = new Aht20(bus.CreateDevice(0x38));
        Assert.Equal(31.675, aht.GetTemperature().DegreesCelsius, 0.01);
        Assert.Equal(23.191, aht.GetHumidity().Percent, 0.01);

        chip.StayBusy = true;
        var stuck = Task.Run(() => aht.GetTemperature());
        var first = await Task.WhenAny(stuck, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(stuck, first); // the endless busy loop Aht20Chip bounds
        chip.StayBusy = false;
        await stuck.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_bme280_simulator_compensates_the_bmp280_datasheet_example()
    {
        var tFine = Bme280Simulator.TFine(519888);
        Assert.Equal(25.08, tFine / 5120, 0.01);
        Assert.Equal(100653.27, Bme280Simulator.PressurePa(415148, tFine), 0.5);
    }
}
