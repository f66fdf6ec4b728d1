namespace Edge.Sensors.I2c;

/// <summary>
/// CRC-8 with polynomial 0x31 (x⁸ + x⁵ + x⁴ + 1), no reflection, no final XOR. Sensirion (SHT3x datasheet §4.12,
/// SHT4x §4.4, SHTC3 §5.9) and Aosong AHT20 start from 0xFF; Silicon Labs Si70xx and HTU21D start from 0x00.
/// Bitwise rather than a 256-byte table: a frame is six bytes, once a second.
/// </summary>
internal static class Crc8
{
    public const byte SensirionInit = 0xFF;
    public const byte Si70xxInit = 0x00;

    public static byte Compute(ReadOnlySpan<byte> data, byte init = SensirionInit)
    {
        var crc = init;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
        }
        return crc;
    }

    /// <summary>A Sensirion word on the wire: MSB, LSB, CRC. Null when the CRC does not match.</summary>
    public static bool TryReadWord(ReadOnlySpan<byte> frame, out ushort word, byte init = SensirionInit)
    {
        word = (ushort)(frame[0] << 8 | frame[1]);
        return Compute(frame[..2], init) == frame[2];
    }
}
