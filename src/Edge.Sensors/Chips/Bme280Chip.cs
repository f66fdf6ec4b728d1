using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.Timing;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;

namespace Edge.Sensors.Chips;

/// <summary>
/// Bosch BME280 at 0x76/0x77 through the dotnet/iot <see cref="Bme280"/> binding, whose register access and
/// compensation formulas are sound. Its TryRead* methods only read the data registers: after the constructor the chip
/// sleeps and those hold reset values that compensate to plausible nonsense (dotnet/iot #753). So every reading here
/// triggers a forced conversion, waits the datasheet time through the TimeProvider (not Read()'s Thread.Sleep),
/// confirms the conversion finished, and only then reads.
/// </summary>
public sealed class Bme280Chip(I2cDevice device, ReusableDelay delay) : IClimateChip
{
    private const byte StatusRegister = 0xF3;
    private const byte CtrlMeasRegister = 0xF4;
    private const byte MeasuringBit = 0x08;

    // Datasheet §9.1 (appendix B): t_max = 1.25 + 2.3·osrs_t + (2.3·osrs_p + 0.575) + (2.3·osrs_h + 0.575) ms = 9.3 ms at ×1.
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    private const int ExtraPolls = 3;

    private Bme280? _binding;

    public string Name => "BME280";

    // Datasheet Table 1: operating range −40…85 °C, 300…1100 hPa.
    public ChipLimits Limits => new(-40, 85, 300, 1100);

    public ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The constructor reads the chip id (0x60) and calibration, resets the chip and sets ×1 oversampling,
            // filter off: no waits inside.
            _binding = new Bme280(device);
        }
        catch (IOException e) when (e.Message.Contains("chip with id", StringComparison.Ordinal))
        {
            _binding = null;
            return ValueTask.FromResult(ChipStatus.WrongChip);
        }
        return ValueTask.FromResult(ChipStatus.Ok);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var bme = _binding ?? throw new InvalidOperationException("InitializeAsync first");
        bme.SetPowerMode(Bmx280PowerMode.Forced);
        await delay.WaitAsync(MeasurementTime, cancellationToken).ConfigureAwait(false);
        for (var poll = 0; !ConversionDone(); poll++)
        {
            if (poll == ExtraPolls)
                return ChipReading.Failed(ChipStatus.Busy);
            await delay.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
        }
        if (!bme.TryReadTemperature(out var t) || !bme.TryReadPressure(out var p) || !bme.TryReadHumidity(out var rh))
            return ChipReading.Failed(ChipStatus.BusError);
        return ChipReading.Of(t.DegreesCelsius, rh.Percent, p.Hectopascals);
    }

    /// <summary>Datasheet §5.4.3/5.4.5: status.measuring clear and ctrl_meas.mode back to sleep (00) after a forced conversion.</summary>
    private bool ConversionDone()
    {
        device.WriteByte(StatusRegister);
        var status = device.ReadByte();
        device.WriteByte(CtrlMeasRegister);
        var mode = device.ReadByte() & 0x03;
        return (status & MeasuringBit) == 0 && mode == 0;
    }
}
