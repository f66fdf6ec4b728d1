using System.Buffers.Binary;
using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.Chips;
using Edge.Sensors.Timing;

namespace Edge.Sensors.I2c;

/// <summary>The few transfer shapes the command/response chips use, with stack frames.</summary>
internal static class ChipIo
{
    /// <summary>A 16-bit command, MSB first (Sensirion SHT3x/SHTC3).</summary>
    public static void Command(I2cDevice device, ushort command)
    {
        Span<byte> frame = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, command);
        device.Write(frame);
    }

    /// <summary>
    /// After a measurement command: waits the datasheet's conversion time, then reads the frame, polling a few more
    /// times in case this chip is slower than its datasheet says (Busy after that). Generic over the chip rather than
    /// a delegate, so nothing is allocated per reading.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal static async ValueTask<ChipReading> ReadFrameAsync<TChip>(TChip chip, ReusableDelay delay, TimeSpan conversion, TimeSpan pollInterval, int extraPolls, CancellationToken cancellationToken)
        where TChip : IFrameChip
    {
        await delay.WaitAsync(conversion, cancellationToken).ConfigureAwait(false);
        for (var poll = 0; ; poll++)
        {
            if (chip.TryReadFrame() is { } reading)
                return reading;
            if (poll == extraPolls)
                return ChipReading.Failed(ChipStatus.Busy);
            await delay.WaitAsync(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A read that a busy chip may refuse: Sensirion chips in no-clock-stretching mode and Si70xx in no-hold mode NACK
    /// the read header until the conversion is done (SHT3x datasheet §4.4, Si7021 §5.1.2). False means "not yet";
    /// any other failure propagates.
    /// </summary>
    public static bool TryRead(I2cDevice device, Span<byte> frame)
    {
        try
        {
            device.Read(frame);
            return true;
        }
        catch (IOException e) when (I2cErrors.IsNack(e))
        {
            return false;
        }
    }
}
