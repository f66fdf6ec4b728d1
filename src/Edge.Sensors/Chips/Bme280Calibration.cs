using System.Buffers.Binary;

namespace Edge.Sensors.Chips;

/// <summary>
/// A BME280's factory trim (datasheet §4.2.2, Table 16) and the datasheet's double-precision compensation (§8.1):
/// pure functions of the raw ADC values, tested against the datasheet's example without a bus.
/// </summary>
internal readonly record struct Bme280Calibration(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    /// <summary>Bytes 0x88…0xA1 (T, P, H1) as one burst.</summary>
    public const int FirstBlockLength = 0xA1 - 0x88 + 1;

    /// <summary>Bytes 0xE1…0xE7 (H2…H6) as one burst.</summary>
    public const int SecondBlockLength = 0xE7 - 0xE1 + 1;

    /// <summary>Decodes the two calibration bursts: little-endian words, signed except T1, P1, H1 and H3.</summary>
    public static Bme280Calibration Parse(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        static short S16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadInt16LittleEndian(b[at..]);
        return new(
            BinaryPrimitives.ReadUInt16LittleEndian(first), S16(first, 2), S16(first, 4),
            BinaryPrimitives.ReadUInt16LittleEndian(first[6..]), S16(first, 8), S16(first, 10), S16(first, 12),
            S16(first, 14), S16(first, 16), S16(first, 18), S16(first, 20), S16(first, 22),
            first[0xA1 - 0x88],
            S16(second, 0),
            second[2],
            // Table 16: dig_H4 = 0xE4[7:0] / 0xE5[3:0] and dig_H5 = 0xE6[7:0] / 0xE5[7:4] are 12-bit signed values
            // whose sign comes from the whole-byte half (Bosch's own driver casts it through int8_t first).
            (short)(((sbyte)second[3] << 4) | (second[4] & 0x0F)),
            (short)(((sbyte)second[5] << 4) | (second[4] >> 4)),
            (sbyte)second[6]);
    }

    /// <summary>§8.1: the fine temperature every other quantity is compensated with, truncated as the datasheet does.</summary>
    public int TFine(int adcT)
    {
        var var1 = (adcT / 16384.0 - T1 / 1024.0) * T2;
        var d = adcT / 131072.0 - T1 / 8192.0;
        return (int)(var1 + d * d * T3);
    }

    /// <summary>§8.1: t_fine / 5120 in °C (resolution 0.01 °C).</summary>
    public static double TemperatureC(int tFine) => tFine / 5120.0;

    /// <summary>§8.1, in Pa. 0 when P1 is 0 (the datasheet's guard against a division by zero): out of range, so rejected.</summary>
    public double PressurePa(int adcP, int tFine)
    {
        var var1 = tFine / 2.0 - 64000.0;
        var var2 = var1 * var1 * P6 / 32768.0;
        var2 += var1 * P5 * 2.0;
        var2 = var2 / 4.0 + P4 * 65536.0;
        var1 = (P3 * var1 * var1 / 524288.0 + P2 * var1) / 524288.0;
        var1 = (1.0 + var1 / 32768.0) * P1;
        if (var1 == 0)
            return 0;
        var p = 1048576.0 - adcP;
        p = (p - var2 / 4096.0) * 6250.0 / var1;
        var1 = P9 * p * p / 2147483648.0;
        var2 = p * P8 / 32768.0;
        return p + (var1 + var2 + P7) / 16.0;
    }

    /// <summary>§8.1, in %RH, limited to 0…100 as the datasheet does.</summary>
    public double HumidityPct(int adcH, int tFine)
    {
        var h = tFine - 76800.0;
        h = (adcH - (H4 * 64.0 + H5 / 16384.0 * h)) * (H2 / 65536.0 * (1.0 + H6 / 67108864.0 * h * (1.0 + H3 / 67108864.0 * h)));
        h *= 1.0 - H1 * h / 524288.0;
        return Math.Clamp(h, 0, 100);
    }
}
