using Edge.Snmp.Protocol;

namespace Edge.Snmp.Ber;

/// <summary>A varbind value's TLV into an <see cref="SnmpValue"/>. Numbers never allocate; strings and OIDs copy out.</summary>
internal static class ValueDecoder
{
    public static DecodeError Decode(byte tag, ReadOnlySpan<byte> content, out SnmpValue value) =>
        Decode(tag, content, out value, copy: true);

    /// <summary>Whether <see cref="Decode(byte, ReadOnlySpan{byte}, out SnmpValue)"/> would accept the value; allocates nothing.</summary>
    public static DecodeError Check(byte tag, ReadOnlySpan<byte> content) => Decode(tag, content, out _, copy: false);

    private static DecodeError Decode(byte tag, ReadOnlySpan<byte> content, out SnmpValue value, bool copy)
    {
        value = default;
        // A constructed value (bit 6) has no place in a varbind: refusing it bounds nesting at the varbind.
        if ((tag & 0x20) != 0)
            return DecodeError.UnexpectedTag;
        switch ((SnmpType)tag)
        {
            case SnmpType.Integer:
                if (!BerInteger.TryDecodeSigned(content, out var n))
                    return DecodeError.BadInteger;
                value = new SnmpValue(SnmpType.Integer, Number: n);
                return DecodeError.None;
            case SnmpType.Counter32:
            case SnmpType.Gauge32:
            case SnmpType.TimeTicks:
            case (SnmpType)0x47: // UInteger32 (RFC 1442), still sent by old agents
                if (!BerInteger.TryDecodeUnsigned(content, 32, out var u))
                    return DecodeError.BadInteger;
                value = new SnmpValue((SnmpType)tag, Number: (long)u, Unsigned: u);
                return DecodeError.None;
            case SnmpType.Counter64:
                if (!BerInteger.TryDecodeUnsigned(content, 64, out var u64))
                    return DecodeError.BadInteger;
                value = new SnmpValue(SnmpType.Counter64, Number: (long)Math.Min(u64, long.MaxValue), Unsigned: u64);
                return DecodeError.None;
            case SnmpType.ObjectIdentifier:
                if (!copy)
                    return OidCodec.TryDecode(content, stackalloc uint[OidCodec.MaxArcs], out _) ? DecodeError.None : DecodeError.BadOid;
                if (!OidCodec.TryDecode(content, out var oid))
                    return DecodeError.BadOid;
                value = new SnmpValue(SnmpType.ObjectIdentifier, OidValue: oid);
                return DecodeError.None;
            case SnmpType.Null:
            case SnmpType.NoSuchObject:
            case SnmpType.NoSuchInstance:
            case SnmpType.EndOfMibView:
                // RFC 3416 §3 gives these no content; a sender that adds some is tolerated, the content ignored.
                value = new SnmpValue((SnmpType)tag);
                return DecodeError.None;
            default:
                // OCTET STRING, IpAddress, Opaque and any other primitive universal/application type: the bytes as sent.
                if ((tag & 0xC0) == 0x80)
                    return DecodeError.UnexpectedTag; // context-specific beyond the three exceptions
                value = new SnmpValue((SnmpType)tag, Bytes: !copy ? null : content.IsEmpty ? [] : content.ToArray());
                return DecodeError.None;
        }
    }
}
