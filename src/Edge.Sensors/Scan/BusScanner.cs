using System.Device.I2c;
using System.Runtime.CompilerServices;
using Edge.Sensors.I2c;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Scan;

/// <summary>
/// What answers on a bus and what it looks like. A plain one-byte read (what i2cdetect -r and dotnet/iot's
/// PerformBusScan do) misses the Sensirion chips, which NACK a read with nothing to send, and the SHTC3 asleep; so
/// at their addresses the scanner speaks their ID / status commands first (checksums verified), then falls back to the
/// read probe and names what usually sits at that address. Scan a bus the daemon is not using at the same time.
/// </summary>
public static class BusScanner
{
    public const int First = 0x08, Last = 0x77;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<IReadOnlyList<ScanHit>> ScanAsync(I2cBus bus, TimeProvider time, CancellationToken cancellationToken)
    {
        using var delay = new ReusableDelay(time);
        var hits = new List<ScanHit>();
        for (var address = First; address <= Last; address++)
        {
            using var device = bus.CreateDevice(address);
            if (await IdentifyAsync(device, address, delay, cancellationToken).ConfigureAwait(false) is { } chip)
                hits.Add(new ScanHit(address, chip));
        }
        return hits;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal static async ValueTask<string?> IdentifyAsync(I2cDevice device, int address, ReusableDelay delay, CancellationToken cancellationToken)
    {
        switch (address)
        {
            case 0x44 or 0x45 or 0x46:
                if (address != 0x46 && Try(() => Sht3xStatus(device)))
                    return "SHT3x (status register answered)";
                if (Try(() => device.WriteByte(0x89)))
                {
                    await delay.WaitAsync(TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                    if (Try(() => SensirionWords(device, 6)))
                        return "SHT4x (serial number answered)";
                }
                break;
            case 0x70:
                // A plain read first: an SHTC3 NACKs it (asleep, or awake with nothing to send) while a TCA9548A answers
                // with its control register, to which the SHTC3's commands would be control bytes connecting channels.
                if (!Try(() => device.ReadByte()) && Try(() => ChipIo.Command(device, 0x3517)))
                {
                    await delay.WaitAsync(TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                    if (Try(() => Shtc3Id(device)))
                    {
                        Try(() => ChipIo.Command(device, 0xB098));
                        return "SHTC3 (ID register answered)";
                    }
                }
                break;
            case 0x40:
                if (Try(() => Si7021Revision(device)))
                    return "Si7021 (firmware revision answered)";
                if (Try(() => UserRegister(device)))
                    return "HTU21D or Si70xx (user register answered)";
                break;
            case 0x76 or 0x77:
                var id = ReadRegister(device, 0xD0);
                if (id is { } chipId)
                {
                    return chipId switch
                    {
                        0x60 => "BME280 (chip id 0x60)",
                        0x58 => "BMP280 (chip id 0x58, no humidity)",
                        0x61 => "BME680 (chip id 0x61)",
                        _ => $"unknown chip with id 0x{chipId:x2} at a Bosch address",
                    };
                }
                break;
        }
        byte probe = 0;
        if (!Try(() => probe = device.ReadByte()))
            return null;
        return address switch
        {
            0x38 when (probe & 0x18) == 0x18 && probe != 0xFF => "AHT20 (status byte calibrated)",
            >= 0x20 and <= 0x27 => "PCF8574 (LCD backpack?)",
            >= 0x38 and <= 0x3F => "PCF8574A (LCD backpack?) or AHT10/AHT20",
            >= 0x70 and <= 0x77 => "TCA9548A multiplexer?",
            0x40 => "answers a read: PCA9685 or INA219?",
            _ => "unknown (answers a read)",
        };
    }

    private static bool Try(Action probe)
    {
        try
        {
            probe();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Sht3xStatus(I2cDevice device)
    {
        ChipIo.Command(device, 0xF32D);
        SensirionWords(device, 3);
    }

    private static void Shtc3Id(I2cDevice device)
    {
        ChipIo.Command(device, 0xEFC8);
        Span<byte> frame = stackalloc byte[3];
        device.Read(frame);
        if (!Crc8.TryReadWord(frame, out var id) || (id & 0x083F) != 0x0807)
            throw new IOException("not an SHTC3 ID");
    }

    private static void Si7021Revision(I2cDevice device)
    {
        device.Write([0x84, 0xB8]);
        device.ReadByte();
    }

    private static void UserRegister(I2cDevice device)
    {
        device.WriteByte(0xE7);
        device.ReadByte();
    }

    /// <summary>Reads CRC'd words; an all-0xFF or bad-CRC answer is not a Sensirion chip.</summary>
    private static void SensirionWords(I2cDevice device, int length)
    {
        Span<byte> frame = stackalloc byte[6];
        device.Read(frame[..length]);
        for (var i = 0; i < length; i += 3)
        {
            if (!Crc8.TryReadWord(frame[i..], out _))
                throw new IOException("checksum mismatch");
        }
    }

    private static byte? ReadRegister(I2cDevice device, byte register)
    {
        try
        {
            device.WriteByte(register);
            return device.ReadByte();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
