using Edge.Snmp.Protocol;

namespace Edge.Snmp.Ber;

/// <summary>
/// OBJECT IDENTIFIER contents (X.690 §8.19) to and from arcs. Limits from RFC 2578 §3.5: at most 128
/// sub-identifiers, each at most 2^32-1; anything beyond is refused rather than truncated.
/// </summary>
internal static class OidCodec
{
    public const int MaxArcs = 128;

    /// <summary>Decodes into <paramref name="arcs"/> (at least <see cref="MaxArcs"/> long).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> content, Span<uint> arcs, out int count)
    {
        count = 0;
        if (content.IsEmpty)
            return false;
        var pos = 0;
        var first = true;
        while (pos < content.Length)
        {
            if (!TryReadSubIdentifier(content, ref pos, out var sub))
                return false;
            if (first)
            {
                if (sub > uint.MaxValue + 80UL)
                    return false;
                // The first sub-identifier packs two arcs as X*40+Y (X.690 §8.19.4).
                uint x = sub < 40 ? 0u : sub < 80 ? 1u : 2u;
                arcs[0] = x;
                arcs[1] = (uint)(sub - x * 40);
                count = 2;
                first = false;
            }
            else
            {
                if (count >= MaxArcs || sub > uint.MaxValue)
                    return false;
                arcs[count++] = (uint)sub;
            }
        }
        return true;
    }

    /// <summary>Whether the encoded OID equals <paramref name="oid"/>, without decoding it into memory.</summary>
    public static bool EncodedEquals(ReadOnlySpan<byte> content, Oid oid)
    {
        Span<byte> buffer = stackalloc byte[MaxEncodedLength];
        var n = Encode(oid.Arcs, buffer);
        return n >= 0 && content.SequenceEqual(buffer[..n]);
    }

    /// <summary>Decodes a whole OID into a new <see cref="Oid"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> content, out Oid? oid)
    {
        Span<uint> arcs = stackalloc uint[MaxArcs];
        if (!TryDecode(content, arcs, out var count))
        {
            oid = null;
            return false;
        }
        oid = new Oid(arcs[..count].ToArray());
        return true;
    }

    /// <summary>5 octets per 32-bit arc, one fewer arc for the packed first pair.</summary>
    public const int MaxEncodedLength = MaxArcs * 5;

    /// <summary>
    /// Encodes <paramref name="arcs"/> into <paramref name="destination"/>; returns the length, or −1 if the OID
    /// cannot be encoded (first arc above 2, second above 39 under arc 0 or 1, more than 128 arcs). A single arc
    /// N is sent as N.0, as net-snmp does for a walk of ".1".
    /// </summary>
    public static int Encode(ReadOnlySpan<uint> arcs, Span<byte> destination)
    {
        if (arcs.IsEmpty || arcs.Length > MaxArcs || arcs[0] > 2)
            return -1;
        var second = arcs.Length > 1 ? arcs[1] : 0u;
        if (arcs[0] < 2 && second >= 40)
            return -1;
        var pos = 0;
        if (!TryWriteSubIdentifier(arcs[0] * 40UL + second, destination, ref pos))
            return -1;
        for (var i = 2; i < arcs.Length; i++)
        {
            if (!TryWriteSubIdentifier(arcs[i], destination, ref pos))
                return -1;
        }
        return pos;
    }

    private static bool TryReadSubIdentifier(ReadOnlySpan<byte> content, ref int pos, out ulong value)
    {
        value = 0;
        for (var octets = 0; pos < content.Length; octets++)
        {
            var b = content[pos++];
            // 32-bit arcs need at most 5 octets (35 bits); a sixth octet can only mean overflow.
            if (octets >= 5)
                return false;
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
                return true;
        }
        return false; // ran off the end inside a sub-identifier
    }

    private static bool TryWriteSubIdentifier(ulong value, Span<byte> destination, ref int pos)
    {
        var octets = 1;
        for (var v = value >> 7; v != 0; v >>= 7)
            octets++;
        if (pos + octets > destination.Length)
            return false;
        for (var i = octets - 1; i >= 0; i--)
        {
            var b = (byte)((value >> (7 * i)) & 0x7F);
            destination[pos++] = i == 0 ? b : (byte)(b | 0x80);
        }
        return true;
    }
}
