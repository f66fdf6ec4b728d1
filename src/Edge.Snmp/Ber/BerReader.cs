namespace Edge.Snmp.Ber;

/// <summary>
/// Reads BER type-length-value triples from an untrusted datagram without allocating and without throwing.
/// Only what SNMP uses is accepted (RFC 3417 §8): single-octet tags (no high-tag-number form) and definite
/// lengths of at most 4 octets that stay inside the enclosing value. Indefinite lengths are refused, so a
/// malicious packet cannot make the reader search or recurse; callers walk the fixed SNMP structure
/// level by level, which bounds nesting by construction.
/// </summary>
internal ref struct BerReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Where the next TLV starts, counted from the start of the data this reader was given.</summary>
    public readonly int Position => _position;

    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>Reads the next TLV; on failure the position is unchanged.</summary>
    public DecodeError Read(out byte tag, out ReadOnlySpan<byte> content)
    {
        var error = Read(out tag, out int offset, out int length);
        content = error == DecodeError.None ? _data.Slice(offset, length) : default;
        return error;
    }

    /// <summary>Reads the next TLV and reports its content's offset in the reader's data (used to patch v3 MACs in place).</summary>
    public DecodeError Read(out byte tag, out int contentOffset, out int contentLength)
    {
        tag = 0;
        contentOffset = 0;
        contentLength = 0;
        var pos = _position;
        if (pos >= _data.Length)
            return DecodeError.Truncated;
        var t = _data[pos++];
        // Low five bits all set means a multi-octet tag; no SNMP type uses one (X.690 §8.1.2.4).
        if ((t & 0x1F) == 0x1F)
            return DecodeError.UnexpectedTag;
        if (pos >= _data.Length)
            return DecodeError.Truncated;
        int first = _data[pos++];
        long length;
        if (first < 0x80)
        {
            length = first;
        }
        else
        {
            var octets = first & 0x7F;
            // 0x80 is the indefinite form, which SNMP forbids (RFC 3417 §8); more than 4 octets cannot fit a datagram.
            if (octets == 0 || octets > 4)
                return DecodeError.BadLength;
            if (pos + octets > _data.Length)
                return DecodeError.Truncated;
            length = 0;
            for (var i = 0; i < octets; i++)
                length = (length << 8) | _data[pos++];
        }
        if (length > _data.Length - pos)
            return DecodeError.BadLength;
        tag = t;
        contentOffset = pos;
        contentLength = (int)length;
        _position = pos + (int)length;
        return DecodeError.None;
    }

    /// <summary>Reads the next TLV and requires its tag.</summary>
    public DecodeError Read(byte expectedTag, out ReadOnlySpan<byte> content)
    {
        var saved = _position;
        var error = Read(out byte tag, out content);
        if (error != DecodeError.None)
            return error;
        if (tag != expectedTag)
        {
            _position = saved;
            content = default;
            return DecodeError.UnexpectedTag;
        }
        return DecodeError.None;
    }

    public DecodeError ReadInt32(byte expectedTag, out int value)
    {
        value = 0;
        var error = Read(expectedTag, out var content);
        if (error != DecodeError.None)
            return error;
        if (!BerInteger.TryDecodeSigned(content, out var v) || v < int.MinValue || v > int.MaxValue)
            return DecodeError.BadInteger;
        value = (int)v;
        return DecodeError.None;
    }
}
