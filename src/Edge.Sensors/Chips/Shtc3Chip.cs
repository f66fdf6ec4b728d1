using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Chips;

/// <summary>
/// Sensirion SHTC3 at 0x70, spoken to directly. The dotnet/iot Shtc3 binding parses the temperature word as a signed
/// 16-bit number, so from 42.5 °C up (S_T ≥ 0x8000) it reports T − 175 °C (50 °C → −125 °C), and it busy-waits 20 ms
/// after every command. Hot-aisle air passes 42.5 °C. Here the word is unsigned, as datasheet §5.11 says.
/// </summary>
internal sealed class Shtc3Chip(I2cDevice device, ReusableDelay delay) : IClimateChip, IFrameChip
{
    private const ushort Wakeup = 0x3517;
    private const ushort Sleep = 0xB098;
    private const ushort SoftReset = 0x805D;
    private const ushort ReadId = 0xEFC8;
    // Datasheet Table 9: normal mode, clock stretching disabled, temperature first.
    private const ushort MeasureNormalTFirst = 0x7866;

    // Datasheet Table 5: wake-up 240 µs max, soft reset 240 µs max, normal-mode measurement 12.1 ms max.
    private static readonly TimeSpan WakeupTime = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(13);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    private const int ExtraPolls = 3;

    public string Name => "SHTC3";

    public ChipLimits Limits => new(-40, 125);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        ChipIo.Command(device, Wakeup);
        await delay.WaitAsync(WakeupTime, cancellationToken).ConfigureAwait(false);
        ChipIo.Command(device, SoftReset);
        await delay.WaitAsync(WakeupTime, cancellationToken).ConfigureAwait(false);
        var status = CheckId();
        ChipIo.Command(device, Sleep);
        return status;
    }

    private ChipStatus CheckId()
    {
        ChipIo.Command(device, ReadId);
        Span<byte> frame = stackalloc byte[3];
        device.Read(frame);
        if (!Crc8.TryReadWord(frame, out var id))
            return ChipStatus.CrcError;
        // Datasheet §5.9: bits 11 and 5:0 identify the SHTC3 (xxxx 1xxx xx00 0111).
        return (id & 0x083F) == 0x0807 ? ChipStatus.Ok : ChipStatus.WrongChip;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        // Asleep between readings (datasheet §5.2: 0.3 µA); asleep it NACKs everything but the wake-up command.
        ChipIo.Command(device, Wakeup);
        await delay.WaitAsync(WakeupTime, cancellationToken).ConfigureAwait(false);
        ChipIo.Command(device, MeasureNormalTFirst);
        var reading = await ChipIo.ReadFrameAsync(this, delay, MeasurementTime, PollInterval, ExtraPolls, cancellationToken).ConfigureAwait(false);
        // Once it has answered, back to sleep; a chip still busy is re-initialized (and sent to sleep) before the next try.
        if (reading.Status != ChipStatus.Busy)
            ChipIo.Command(device, Sleep);
        return reading;
    }

    ChipReading? IFrameChip.TryReadFrame()
    {
        Span<byte> frame = stackalloc byte[6];
        if (!ChipIo.TryRead(device, frame))
            return null;
        if (!Crc8.TryReadWord(frame, out var rawT) || !Crc8.TryReadWord(frame[3..], out var rawRh))
            return ChipReading.Failed(ChipStatus.CrcError);
        // Datasheet §5.11: T = -45 + 175·S_T/2¹⁶, RH = 100·S_RH/2¹⁶, both words unsigned.
        return ChipReading.Of(-45 + 175.0 * rawT / 65536, 100.0 * rawRh / 65536);
    }
}
