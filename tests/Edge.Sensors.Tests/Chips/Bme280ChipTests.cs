using Edge.Sensors.Chips;
using Edge.Sensors.Tests.Simulation;
using Edge.Sensors.Tests.Support;
using Edge.Sensors.Timing;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sensors.Tests.Chips;

/// <summary>
/// The BME280 driver against the register-accurate simulator, and its compensation against the datasheet. The chip's
/// trap (dotnet/iot #753: a read with no measurement triggered returns reset values that compensate to plausible
/// nonsense) has a test of its own.
/// </summary>
public sealed class Bme280ChipTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedI2cBus _bus = new();
    private readonly ReusableDelay _delay;

    public Bme280ChipTests() => _delay = new ReusableDelay(_time);

    public void Dispose() => _delay.Dispose();

    private (Bme280Simulator Sim, Bme280Chip Chip) Attach(byte chipId = 0x60)
    {
        var sim = _bus.Attach(0x76, new Bme280Simulator(_time, chipId) { TemperatureC = 19.0, HumidityPct = 40, PressureHpa = 1013.25 });
        return (sim, new Bme280Chip(_bus.CreateDevice(0x76), _delay));
    }

    [Fact]
    public void Every_reading_is_one_forced_measurement_of_temperature_humidity_and_pressure()
    {
        var (sim, chip) = Attach();
        Assert.Equal(ChipStatus.Ok, FakeClock.Run(_time, chip.InitializeAsync(CancellationToken.None)));
        Assert.Equal(0, sim.Conversions);
        Assert.Equal(0x01, sim.Register(0xF2)); // ctrl_hum: humidity ×1
        Assert.Equal(0x24, sim.Register(0xF4)); // ctrl_meas: T ×1, P ×1, sleep

        var first = FakeClock.Run(_time, chip.MeasureAsync(CancellationToken.None));
        Assert.Equal(ChipStatus.Ok, first.Status);
        Assert.Equal(19.0, first.TemperatureC, 0.05);
        Assert.Equal(40, first.HumidityPct, 0.2);
        Assert.Equal(1013.25, first.PressureHpa, 0.1);
        Assert.Equal(1, sim.Conversions);

        sim.TemperatureC = -5;
        sim.HumidityPct = 90;
        sim.PressureHpa = 950;
        var second = FakeClock.Run(_time, chip.MeasureAsync(CancellationToken.None));
        Assert.Equal(-5, second.TemperatureC, 0.05);
        Assert.Equal(90, second.HumidityPct, 0.2);
        Assert.Equal(950, second.PressureHpa, 0.1);
        Assert.Equal(2, sim.Conversions);
    }

    [Fact]
    public void A_bmp280_at_the_address_is_the_wrong_chip_and_is_not_written_to()
    {
        var (sim, chip) = Attach(chipId: 0x58);
        Assert.Equal(ChipStatus.WrongChip, FakeClock.Run(_time, chip.InitializeAsync(CancellationToken.None)));
        Assert.Equal(2, sim.Transactions); // the chip-id read (pointer, then data), nothing else
    }

    [Fact]
    public void A_chip_that_resets_during_the_conversion_is_no_reading_not_its_reset_values()
    {
        var (sim, chip) = Attach();
        FakeClock.Run(_time, chip.InitializeAsync(CancellationToken.None));

        var measuring = chip.MeasureAsync(CancellationToken.None);
        sim.PowerOff(); // a brown-out: back to sleep, data registers 0x80000 / 0x80000 / 0x8000
        sim.PowerOn();
        var reading = FakeClock.Run(_time, measuring);

        Assert.Equal(ChipStatus.Implausible, reading.Status);
        Assert.True(double.IsNaN(reading.TemperatureC));
    }

    private Bme280Calibration SimulatorCalibration()
    {
        var sim = new Bme280Simulator(_time);
        var first = new byte[Bme280Calibration.FirstBlockLength];
        var second = new byte[Bme280Calibration.SecondBlockLength];
        for (var i = 0; i < first.Length; i++)
            first[i] = sim.Register((byte)(0x88 + i));
        for (var i = 0; i < second.Length; i++)
            second[i] = sim.Register((byte)(0xE1 + i));
        return Bme280Calibration.Parse(first, second);
    }

    [Fact]
    public void Calibration_is_decoded_from_the_registers_with_the_12_bit_h4_h5_packing() =>
        Assert.Equal(
            new Bme280Calibration(
                Bme280Simulator.DigT1, Bme280Simulator.DigT2, Bme280Simulator.DigT3,
                Bme280Simulator.DigP1, Bme280Simulator.DigP2, Bme280Simulator.DigP3, Bme280Simulator.DigP4, Bme280Simulator.DigP5,
                Bme280Simulator.DigP6, Bme280Simulator.DigP7, Bme280Simulator.DigP8, Bme280Simulator.DigP9,
                Bme280Simulator.DigH1, Bme280Simulator.DigH2, Bme280Simulator.DigH3, Bme280Simulator.DigH4, Bme280Simulator.DigH5,
                Bme280Simulator.DigH6),
            SimulatorCalibration());

    [Theory]
    [InlineData(0x13, 0x29, 0x03, 313, 50)]
    [InlineData(0xF3, 0x8A, 0xFE, -198, -24)] // E4/E6 carry the sign: 0xF3A and 0xFE8 as 12-bit two's complement
    public void Dig_h4_and_h5_are_12_bit_signed_values_split_around_0xE5(byte e4, byte e5, byte e6, short h4, short h5)
    {
        var c = Bme280Calibration.Parse(new byte[Bme280Calibration.FirstBlockLength], [0, 0, 0, e4, e5, e6, 0]);
        Assert.Equal(h4, c.H4);
        Assert.Equal(h5, c.H5);
    }

    [Fact]
    public void Compensation_reproduces_the_datasheet_example()
    {
        // BMP280 datasheet §3.12 (the same T/P trim and formulas as the BME280's §4.2.3/§8.1): adc_T = 519888 →
        // t_fine 128422, 25.08 °C; adc_P = 415148 → 100653.27 Pa.
        var c = SimulatorCalibration();
        var tFine = c.TFine(519888);
        Assert.Equal(128422, tFine);
        Assert.Equal(25.08, Bme280Calibration.TemperatureC(tFine), 0.005);
        Assert.Equal(100653.27, c.PressurePa(415148, tFine), 0.5);
    }

    [Theory]
    // Datasheet §8.1 (double precision) with the simulator's trim H1 75, H2 362, H3 0, H4 313, H5 50, H6 30 and the
    // t_fine of the example above (128422), by hand:
    //   h = 128422 − 76800 = 51622
    //   adc_H − (H4·64 + H5/16384·h) = 30000 − (20032 + 157.5378) = 9810.4622
    //   × H2/65536 · (1 + H6/67108864·h · (1 + 0)) = 9810.4622 × 0.00552368 × 1.0230771 = 55.4404
    //   × (1 − H1·55.4404/524288) = 55.4404 × 0.9920692 = 55.0007 %RH
    // Outside 0–100 the datasheet clamps: adc_H 20000 gives −1.07 → 0, adc_H 40000 gives 110.16 → 100.
    [InlineData(30000, 55.0007)]
    [InlineData(20000, 0)]
    [InlineData(40000, 100)]
    public void Humidity_compensation_matches_the_datasheet_formula_worked_by_hand(int adcH, double expectedPct) =>
        Assert.Equal(expectedPct, SimulatorCalibration().HumidityPct(adcH, 128422), 0.001);
}
