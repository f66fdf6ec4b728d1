using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Chips;

/// <summary>
/// Aosong AHT20 at 0x38, spoken to directly. The dotnet/iot Aht20 binding polls the busy bit in an endless loop (a
/// chip that stays busy hangs the caller forever), measures twice per reading, never reads the CRC byte and sleeps
/// with Thread.Sleep. Here: one trigger, the datasheet's 80 ms, a bounded number of busy polls, and the CRC checked.
/// </summary>
internal sealed class Aht20Chip(I2cDevice device, ReusableDelay delay) : IClimateChip, IFrameChip
{
    private const byte Initialize = 0xBE;
    private const byte Trigger = 0xAC;
    private const byte SoftReset = 0xBA;
    private const byte BusyBit = 0x80;
    private const byte CalibratedBit = 0x08;

    // Datasheet §5.4: wait 80 ms after the trigger; 10 ms after initialization; soft reset 20 ms.
    private static readonly TimeSpan MeasurementTime = TimeSpan.FromMilliseconds(80);
    private static readonly TimeSpan InitTime = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ResetTime = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private const int ExtraPolls = 5;

    public string Name => "AHT20";

    public ChipLimits Limits => new(-40, 85);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken)
    {
        device.WriteByte(SoftReset);
        await delay.WaitAsync(ResetTime, cancellationToken).ConfigureAwait(false);
        if ((device.ReadByte() & CalibratedBit) != 0)
            return ChipStatus.Ok;
        // Datasheet §5.4 step 1: calibration bit clear → send 0xBE 0x08 0x00 and wait 10 ms.
        SendInitialize();
        await delay.WaitAsync(InitTime, cancellationToken).ConfigureAwait(false);
        return (device.ReadByte() & CalibratedBit) != 0 ? ChipStatus.Ok : ChipStatus.WrongChip;
    }

    private void SendInitialize()
    {
        Span<byte> command = [Initialize, 0x08, 0x00];
        device.Write(command);
    }

    private void SendTrigger()
    {
        Span<byte> command = [Trigger, 0x33, 0x00];
        device.Write(command);
    }

    public ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken)
    {
        SendTrigger();
        return ChipIo.ReadFrameAsync(this, delay, MeasurementTime, PollInterval, ExtraPolls, cancellationToken);
    }

    ChipReading? IFrameChip.TryReadFrame()
    {
        // Datasheet §5.4 step 3: status, humidity 20 bit, temperature 20 bit, CRC (poly 0x31, init 0xFF over 6 bytes).
        Span<byte> frame = stackalloc byte[7];
        device.Read(frame);
        if ((frame[0] & BusyBit) != 0)
            return null;
        if (Crc8.Compute(frame[..6]) != frame[6])
            return ChipReading.Failed(ChipStatus.CrcError);
        var rawRh = (frame[1] << 12) | (frame[2] << 4) | (frame[3] >> 4);
        var rawT = ((frame[3] & 0x0F) << 16) | (frame[4] << 8) | frame[5];
        // Datasheet §6: RH = S_RH/2²⁰·100 %, T = S_T/2²⁰·200 − 50 °C.
        return ChipReading.Of(rawT / 1048576.0 * 200 - 50, rawRh / 1048576.0 * 100);
    }
}
