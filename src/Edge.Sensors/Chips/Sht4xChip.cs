using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Chips;

/// <summary>
/// Sensirion SHT40/41/45 at 0x44 (0x45/0x46 variants), spoken to directly. The dotnet/iot 4.2.0 Sht4x binding
/// reads correctly but waits with Thread.Sleep (sync) or an untestable real-time Task.Delay (async), and its
/// begin/end split is not public in 4.2.0; the protocol is one command byte and a six-byte frame, so it is sent here.
/// The heater is only ever on through its own commands (0x39…0x15), which this driver never sends.
/// </summary>
internal sealed class Sht4xChip(I2cDevice device, ReusableDelay delay) : IClimateChip, IFrameChip
{
    private const byte MeasureHighPrecision = 0xFD;
    private const byte SoftReset = 0x94;
    private const byte ReadSerial = 0x89;

    // Datasheet Table 4: high repeatability 8.3 ms max; soft reset 1 ms max.
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(9);
    private static readonly TimeSpan ResetTime = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    private const int ExtraPolls = 3;

    public string Name => "SHT4x";

    public ChipLimits Limits => new(-40, 125);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        device.WriteByte(SoftReset);
        await delay.WaitAsync(ResetTime, cancellationToken).ConfigureAwait(false);
        device.WriteByte(ReadSerial);
        await delay.WaitAsync(ResetTime, cancellationToken).ConfigureAwait(false);
        return CheckSerial();
    }

    private ChipStatus CheckSerial()
    {
        Span<byte> frame = stackalloc byte[6];
        if (!ChipIo.TryRead(device, frame))
            return ChipStatus.WrongChip;
        return Crc8.TryReadWord(frame, out _) && Crc8.TryReadWord(frame[3..], out _) ? ChipStatus.Ok : ChipStatus.CrcError;
    }

    public ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        device.WriteByte(MeasureHighPrecision);
        return ChipIo.ReadFrameAsync(this, delay, MeasurementTime, PollInterval, ExtraPolls, cancellationToken);
    }

    ChipReading? IFrameChip.TryReadFrame()
    {
        Span<byte> frame = stackalloc byte[6];
        if (!ChipIo.TryRead(device, frame))
            return null;
        if (!Crc8.TryReadWord(frame, out var rawT) || !Crc8.TryReadWord(frame[3..], out var rawRh))
            return ChipReading.Failed(ChipStatus.CrcError);
        // Datasheet §4.6: T = -45 + 175·S_T/(2¹⁶-1), RH = -6 + 125·S_RH/(2¹⁶-1), cropped to 0…100.
        return ChipReading.Of(-45 + 175.0 * rawT / 65535, ChipLimits.CropHumidity(-6 + 125.0 * rawRh / 65535));
    }
}
