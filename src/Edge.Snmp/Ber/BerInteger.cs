namespace Edge.Snmp.Ber;

/// <summary>Two's-complement INTEGER contents (X.690 §8.3) into 64-bit values, refusing what does not fit.</summary>
internal static class BerInteger
{
    /// <summary>A signed INTEGER of up to 64 bits. Redundant leading sign octets are tolerated, as agents send them.</summary>
    public static bool TryDecodeSigned(ReadOnlySpan<byte> content, out long value)
    {
        value = 0;
        if (content.IsEmpty)
            return false;
        while (content.Length > 8 && ((content[0] == 0x00 && content[1] < 0x80) || (content[0] == 0xFF && content[1] >= 0x80)))
            content = content[1..];
        if (content.Length > 8)
            return false;
        long v = (sbyte)content[0];
        for (var i = 1; i < content.Length; i++)
            v = (v << 8) | content[i];
        value = v;
        return true;
    }

    /// <summary>
    /// An unsigned value of <paramref name="bits"/> (32 or 64). A leading 0x00 beyond the width is allowed (the
    /// encoding of a value with the top bit set); a "negative" encoding is sign-extended and masked, which is how
    /// net-snmp reads agents that encode Counter32 4294967295 as FF FF FF FF.
    /// </summary>
    public static bool TryDecodeUnsigned(ReadOnlySpan<byte> content, int bits, out ulong value)
    {
        value = 0;
        if (content.IsEmpty)
            return false;
        var width = bits / 8;
        while (content.Length > 1 && content[0] == 0x00 && content.Length > width)
            content = content[1..];
        if (content.Length > width)
            return false;
        ulong v = (content[0] & 0x80) != 0 ? ulong.MaxValue : 0;
        foreach (var b in content)
            v = (v << 8) | b;
        value = bits == 64 ? v : v & 0xFFFF_FFFF;
        return true;
    }
}
