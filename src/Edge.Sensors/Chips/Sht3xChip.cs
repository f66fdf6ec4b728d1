using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Chips;

/// <summary>
/// Sensirion SHT30/31/35 at 0x44/0x45, spoken to directly. The dotnet/iot Sht3x binding keeps the previous value when
/// a CRC fails (no exception; 0 °C on a fresh instance), measures twice per reading and blocks in Thread.Sleep, so
/// this driver sends the same single-shot command itself and treats a bad checksum as "no reading".
/// </summary>
internal sealed class Sht3xChip(I2cDevice device, ReusableDelay delay) : IClimateChip, IFrameChip
{
    // Datasheet Table 9/10: single shot, repeatability high, clock stretching disabled.
    private const ushort MeasureHighNoStretch = 0x2400;
    private const ushort SoftReset = 0x30A2;
    private const ushort HeaterOff = 0x3066;
    private const ushort ReadStatus = 0xF32D;
    private const ushort ClearStatus = 0x3041;
    private const int HeaterBit = 1 << 13;

    // Datasheet Table 4: t_MEAS high repeatability 15 ms max; soft reset t_SR 1.5 ms max.
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan ResetTime = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    private const int ExtraPolls = 3;

    public string Name => "SHT3x";

    public ChipLimits Limits => new(-40, 125);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        ChipIo.Command(device, SoftReset);
        await delay.WaitAsync(ResetTime, cancellationToken).ConfigureAwait(false);
        // The heater is off after reset; switch it off explicitly anyway (a chip that missed the reset keeps it).
        ChipIo.Command(device, HeaterOff);
        await delay.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
        var status = CheckStatus();
        ChipIo.Command(device, ClearStatus);
        return status;
    }

    private ChipStatus CheckStatus()
    {
        ChipIo.Command(device, ReadStatus);
        Span<byte> frame = stackalloc byte[3];
        device.Read(frame);
        if (!Crc8.TryReadWord(frame, out var status))
            return ChipStatus.CrcError;
        return (status & HeaterBit) != 0 ? ChipStatus.WrongChip : ChipStatus.Ok;
    }

    public ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        ChipIo.Command(device, MeasureHighNoStretch);
        return ChipIo.ReadFrameAsync(this, delay, MeasurementTime, PollInterval, ExtraPolls, cancellationToken);
    }

    ChipReading? IFrameChip.TryReadFrame()
    {
        Span<byte> frame = stackalloc byte[6];
        if (!ChipIo.TryRead(device, frame))
            return null;
        if (!Crc8.TryReadWord(frame, out var rawT) || !Crc8.TryReadWord(frame[3..], out var rawRh))
            return ChipReading.Failed(ChipStatus.CrcError);
        // Datasheet §4.13: T = -45 + 175·S_T/(2¹⁶-1), RH = 100·S_RH/(2¹⁶-1).
        return ChipReading.Of(-45 + 175.0 * rawT / 65535, 100.0 * rawRh / 65535);
    }
}
