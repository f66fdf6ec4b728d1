using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Chips;

/// <summary>
/// Silicon Labs Si7021 and the command-compatible TE HTU21D at 0x40, spoken to directly. The dotnet/iot Si7021
/// binding uses hold-master reads (the chip stretches the clock for the whole conversion, which BCM283x I2C
/// mishandles), waits a fixed 20 ms with Thread.Sleep (less than an HTU21D's 50 ms temperature conversion) and never
/// reads the checksum. Here: no-hold commands, the chip NACKs until done, and the CRC (poly 0x31, init 0x00) is checked.
/// </summary>
internal sealed class Si7021Chip(I2cDevice device, ReusableDelay delay, bool htu21d = false) : IClimateChip
{
    private const byte MeasureRhNoHold = 0xF5;
    private const byte MeasureTNoHold = 0xF3;
    private const byte Reset = 0xFE;
    private const byte ReadUserRegister = 0xE7;
    private const byte WriteUserRegister = 0xE6;
    // User register 1 (Si7021 §6): bits 7 and 0 = resolution (00 = RH 12 bit, T 14 bit), bit 2 = heater enable.
    private const byte ResolutionBits = 0x81;
    private const byte HeaterBit = 0x04;

    // Si7021 Table 2: RH 12 bit 12 ms plus the temperature conversion every RH measurement includes (T 14 bit 10.8 ms); HTU21D: RH 12 bit 16 ms, T 14 bit 50 ms; reset 15 ms.
    private readonly TimeSpan _rhTime = TimeSpan.FromMilliseconds(htu21d ? 16 : 23);
    private readonly TimeSpan _tTime = TimeSpan.FromMilliseconds(htu21d ? 50 : 11);
    private static readonly TimeSpan ResetTime = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(3);
    private const int ExtraPolls = 3;

    public string Name => htu21d ? "HTU21D" : "Si7021";

    public ChipLimits Limits => new(-40, 125);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        device.WriteByte(Reset);
        await delay.WaitAsync(ResetTime, cancellationToken).ConfigureAwait(false);
        Configure();
        return ChipStatus.Ok;
    }

    private void Configure()
    {
        device.WriteByte(ReadUserRegister);
        var register = device.ReadByte();
        var wanted = (byte)(register & ~(ResolutionBits | HeaterBit));
        if (wanted == register)
            return;
        Span<byte> write = [WriteUserRegister, wanted];
        device.Write(write);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var rh = await MeasureCodeAsync(MeasureRhNoHold, _rhTime, cancellationToken).ConfigureAwait(false);
        if (rh < 0)
            return ChipReading.Failed((ChipStatus)(-rh));
        var t = await MeasureCodeAsync(MeasureTNoHold, _tTime, cancellationToken).ConfigureAwait(false);
        if (t < 0)
            return ChipReading.Failed((ChipStatus)(-t));
        // Si7021 §5.1.1/5.1.2: RH = 125·code/2¹⁶ − 6 (cropped to 0…100 within accuracy), T = 175.72·code/2¹⁶ − 46.85.
        return ChipReading.Of(175.72 * t / 65536 - 46.85, ChipLimits.CropHumidity(125.0 * rh / 65536 - 6));
    }

    /// <summary>The 16-bit code with the two status bits cleared, or a negated <see cref="ChipStatus"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> MeasureCodeAsync(byte command, TimeSpan conversion, CancellationToken cancellationToken)
    {
        device.WriteByte(command);
        await delay.WaitAsync(conversion, cancellationToken).ConfigureAwait(false);
        for (var poll = 0; ; poll++)
        {
            var code = TryReadCode();
            if (code != int.MinValue)
                return code;
            if (poll == ExtraPolls)
                return -(int)ChipStatus.Busy;
            await delay.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private int TryReadCode()
    {
        Span<byte> frame = stackalloc byte[3];
        if (!ChipIo.TryRead(device, frame))
            return int.MinValue;
        if (!Crc8.TryReadWord(frame, out var code, Crc8.Si70xxInit))
            return -(int)ChipStatus.CrcError;
        return code & 0xFFFC;
    }
}
