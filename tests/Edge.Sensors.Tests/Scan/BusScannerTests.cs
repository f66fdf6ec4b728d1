using Edge.Sensors.I2c;
using Edge.Sensors.Scan;
using Edge.Sensors.Tests.Simulation;
using Edge.Sensors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sensors.Tests.Scan;

/// <summary><c>edge sensors scan</c>: which addresses answer on a simulated bus, and what each chip looks like.</summary>
public class BusScannerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedI2cBus _bus = new();

    private IReadOnlyList<ScanHit> Scan() => FakeClock.Run(_time, BusScanner.ScanAsync(_bus, _time, CancellationToken.None));

    [Fact]
    public void An_empty_bus_answers_nowhere()
    {
        Assert.Empty(Scan());
    }

    [Fact]
    public void Every_chip_is_found_at_its_address_and_named()
    {
        _bus.Attach(0x27, new Pcf8574Simulator(_time));
        _bus.Attach(0x38, new Aht20Simulator(_time));
        _bus.Attach(0x40, new Si7021Simulator(_time));
        _bus.Attach(0x44, new Sht3xSimulator(_time));
        _bus.Attach(0x45, new Sht4xSimulator(_time));
        _bus.Attach(0x70, new Shtc3Simulator(_time));
        _bus.Attach(0x76, new Bme280Simulator(_time));
        _bus.Attach(0x77, new Bme280Simulator(_time, chipId: 0x58));

        var hits = Scan().ToDictionary(h => h.Address, h => h.Chip);

        Assert.Equal([0x27, 0x38, 0x40, 0x44, 0x45, 0x70, 0x76, 0x77], hits.Keys);
        Assert.StartsWith("PCF8574 ", hits[0x27]);
        Assert.StartsWith("AHT20 ", hits[0x38]);
        Assert.StartsWith("Si7021 ", hits[0x40]);
        Assert.StartsWith("SHT3x ", hits[0x44]);
        Assert.StartsWith("SHT4x ", hits[0x45]);
        Assert.StartsWith("SHTC3 ", hits[0x70]);
        Assert.StartsWith("BME280 ", hits[0x76]);
        Assert.StartsWith("BMP280 ", hits[0x77]);
    }

    /// <summary>
    /// What i2cdetect -r and dotnet/iot's PerformBusScan would miss: with nothing to send, these chips NACK a plain read
    /// (the SHTC3 NACKs everything while asleep), so only their ID / status commands find them.
    /// </summary>
    [Theory]
    [InlineData(0x44, "sht3x", "SHT3x (status register answered)")]
    [InlineData(0x44, "sht4x", "SHT4x (serial number answered)")]
    [InlineData(0x70, "shtc3", "SHTC3 (ID register answered)")]
    public void Sensirion_chips_that_nack_a_plain_read_are_found_by_their_commands(int address, string driver, string expected)
    {
        _bus.Attach(address, SimChips.Create(driver, _time));

        Assert.Throws<IOException>(() => _bus.CreateDevice(address).ReadByte());
        Assert.Equal([new ScanHit(address, expected)], Scan());
    }

    [Fact]
    public void An_shtc3_is_put_back_to_sleep_after_it_answered()
    {
        var chip = _bus.Attach(0x70, new Shtc3Simulator(_time));

        Scan();

        Assert.True(chip.Asleep);
    }

    [Fact]
    public void An_htu21d_is_told_from_an_si7021_by_the_revision_command_it_does_not_know()
    {
        _bus.Attach(0x40, new Si7021Simulator(_time, htu21d: true));

        Assert.Equal([new ScanHit(0x40, "HTU21D or Si70xx (user register answered)")], Scan());
    }

    [Fact]
    public void A_chip_that_nacks_its_address_is_not_there()
    {
        _bus.Attach(0x44, new Sht3xSimulator(_time) { Present = false });
        _bus.Attach(0x76, new Bme280Simulator(_time) { Present = false });
        _bus.Attach(0x38, new Aht20Simulator(_time));

        Assert.Equal([0x38], Scan().Select(h => h.Address));
    }

    /// <summary>
    /// The scanner does not look behind a multiplexer: it names it, and leaves its channels as it found them (the
    /// SHTC3's commands written to a TCA9548A at 0x70 would be control bytes that connect channels).
    /// </summary>
    [Fact]
    public void A_tca9548a_is_named_and_its_channel_selection_left_as_found()
    {
        var mux = _bus.Attach(0x70, new Tca9548ASimulator(_time));
        mux.Attach(2, 0x44, new Sht3xSimulator(_time));

        var hits = Scan();

        Assert.Equal([new ScanHit(0x70, "TCA9548A multiplexer?")], hits);
        Assert.Equal(0, mux.Control);
    }

    [Fact]
    public void A_chip_behind_a_connected_mux_channel_answers_as_if_on_the_bus()
    {
        var mux = _bus.Attach(0x71, new Tca9548ASimulator(_time));
        mux.Attach(2, 0x44, new Sht3xSimulator(_time));
        _bus.CreateDevice(0x71).WriteByte(1 << 2);

        Assert.Equal([0x44, 0x71], Scan().Select(h => h.Address));
    }

    [Fact]
    public void A_bus_that_times_out_is_reported_as_silent_not_as_chips()
    {
        _bus.Attach(0x44, new Sht3xSimulator(_time));
        _bus.Symptom = StuckSymptom.Timeout;
        _bus.Wire.HoldSdaLow(clocksUntilRelease: 9);

        Assert.Empty(Scan());
        Assert.Equal(I2cErrors.Timeout, Assert.Throws<IOException>(() => _bus.CreateDevice(0x44).ReadByte()).HResult);
    }
}
