using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Chips;

/// <summary>
/// Bosch BME280 at 0x76/0x77, spoken to directly as a register-pointer chip (datasheet §5, §6.2). Not through the
/// dotnet/iot Bme280 binding: its register access and compensation are sound, but it drags UnitsNet into the
/// NativeAOT binary, about a quarter of the binary and of every <c>edge</c> command's start-up CPU (bench/RESULTS.md).
/// The binding's lesson stays: after reset the chip sleeps and its data
/// registers hold reset values that compensate to plausible nonsense (dotnet/iot #753). So every reading here triggers
/// a forced conversion, waits the datasheet time through the TimeProvider (not Thread.Sleep), confirms the conversion
/// finished, and only then reads; a value the chip did not measure is no reading.
/// </summary>
internal sealed class Bme280Chip(I2cDevice device, ReusableDelay delay) : IClimateChip
{
    private const byte ChipIdRegister = 0xD0;
    private const byte ExpectedChipId = 0x60; // BMP280 answers 0x58 at the same addresses: no humidity.
    private const byte ResetRegister = 0xE0;
    private const byte ResetCommand = 0xB6;
    private const byte FirstCalibrationRegister = 0x88;
    private const byte SecondCalibrationRegister = 0xE1;
    private const byte CtrlHumRegister = 0xF2;
    private const byte StatusRegister = 0xF3;
    private const byte CtrlMeasRegister = 0xF4;
    private const byte ConfigRegister = 0xF5;
    private const byte DataRegister = 0xF7;

    // §5.4.4: status bit 3 "measuring", bit 0 "im_update" (NVM being copied after reset).
    private const byte MeasuringBit = 0x08;
    private const byte ImUpdateBit = 0x01;

    // §5.4.3/5.4.5: osrs_h ×1; osrs_t ×1 (bits 7:5), osrs_p ×1 (bits 4:2), mode sleep 00 / forced 01; filter off.
    private const byte HumidityX1 = 0x01;
    private const byte SleepX1 = 0b001_001_00;
    private const byte ForcedX1 = 0b001_001_01;
    private const byte FilterOff = 0x00;

    // §4.2.3: a skipped (or never made) measurement reads back as the reset value 0x80000 / 0x8000.
    private const int Skipped20 = 0x80000;
    private const int Skipped16 = 0x8000;

    // Datasheet §9.1 (appendix B): t_max = 1.25 + 2.3·osrs_t + (2.3·osrs_p + 0.575) + (2.3·osrs_h + 0.575) ms = 9.3 ms at ×1.
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(10);
    // Table 1: start-up time 2 ms; a soft reset runs the same sequence as power-on (§5.4.2).
    private static readonly TimeSpan ResetTime = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    private const int ExtraPolls = 3;

    private Bme280Calibration _calibration;

    public string Name => "BME280";

    // Datasheet Table 1: operating range −40…85 °C, 300…1100 hPa.
    public ChipLimits Limits => new(-40, 85, 300, 1100);

    /// <summary>
    /// Chip id, soft reset, calibration, ×1 oversampling and filter off. The id is checked before anything is written,
    /// so a different chip at the address is left alone.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        if (ReadRegister(ChipIdRegister) != ExpectedChipId)
            return ChipStatus.WrongChip;
        WritePair(ResetRegister, ResetCommand);
        if (!await SettledAsync(ResetTime, cancellationToken).ConfigureAwait(false))
            return ChipStatus.Busy;
        ReadCalibration();
        // §5.4.3: a change to ctrl_hum only takes effect after a write to ctrl_meas, hence this order in one write
        // (§6.2.1: register/value pairs). config is only writable in sleep mode, which the chip is in after reset.
        Span<byte> configure = [CtrlHumRegister, HumidityX1, ConfigRegister, FilterOff, CtrlMeasRegister, SleepX1];
        device.Write(configure);
        return ChipStatus.Ok;
    }

    private void ReadCalibration()
    {
        Span<byte> first = stackalloc byte[Bme280Calibration.FirstBlockLength];
        Span<byte> second = stackalloc byte[Bme280Calibration.SecondBlockLength];
        ReadRegisters(FirstCalibrationRegister, first);
        ReadRegisters(SecondCalibrationRegister, second);
        _calibration = Bme280Calibration.Parse(first, second);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        // Forced mode (§3.3.3): one conversion with ctrl_hum as configured, then back to sleep.
        WritePair(CtrlMeasRegister, ForcedX1);
        if (!await SettledAsync(MeasurementTime, cancellationToken).ConfigureAwait(false))
            return ChipReading.Failed(ChipStatus.Busy);
        return ReadData();
    }

    private ChipReading ReadData()
    {
        // §4 / Table 18: press_msb…press_xlsb, temp_msb…temp_xlsb, hum_msb, hum_lsb in one burst (§4: a burst read keeps
        // the data of one conversion together).
        Span<byte> data = stackalloc byte[8];
        ReadRegisters(DataRegister, data);
        var adcP = (data[0] << 12) | (data[1] << 4) | (data[2] >> 4);
        var adcT = (data[3] << 12) | (data[4] << 4) | (data[5] >> 4);
        var adcH = (data[6] << 8) | data[7];
        if (adcT == Skipped20 || adcP == Skipped20 || adcH == Skipped16)
            return ChipReading.Failed(ChipStatus.Implausible); // the chip reset, or never measured: not from the air
        var tFine = _calibration.TFine(adcT);
        return ChipReading.Of(
            Bme280Calibration.TemperatureC(tFine),
            _calibration.HumidityPct(adcH, tFine),
            _calibration.PressurePa(adcP, tFine) / 100);
    }

    /// <summary>
    /// Waits <paramref name="first"/>, then polls a few more times in case this chip is slower than its datasheet says;
    /// false if it is still busy after that.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> SettledAsync(TimeSpan first, CancellationToken cancellationToken)
    {
        await delay.WaitAsync(first, cancellationToken).ConfigureAwait(false);
        for (var poll = 0; !Idle(); poll++)
        {
            if (poll == ExtraPolls)
                return false;
            await delay.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>
    /// Datasheet §5.4.4/5.4.5: status.measuring and status.im_update clear and ctrl_meas.mode back to sleep (00) after
    /// a forced conversion. Status and ctrl_meas are adjacent, so one burst reads both.
    /// </summary>
    private bool Idle()
    {
        Span<byte> statusAndCtrl = stackalloc byte[2];
        ReadRegisters(StatusRegister, statusAndCtrl);
        return (statusAndCtrl[0] & (MeasuringBit | ImUpdateBit)) == 0 && (statusAndCtrl[1] & 0x03) == 0;
    }

    private byte ReadRegister(byte register)
    {
        Span<byte> value = stackalloc byte[1];
        ReadRegisters(register, value);
        return value[0];
    }

    /// <summary>§6.2.2: write the register pointer, then read with auto-increment after a repeated start.</summary>
    private void ReadRegisters(byte first, Span<byte> buffer)
    {
        ReadOnlySpan<byte> pointer = [first];
        device.WriteRead(pointer, buffer);
    }

    private void WritePair(byte register, byte value)
    {
        ReadOnlySpan<byte> pair = [register, value];
        device.Write(pair);
    }
}
