using Edge.Snmp.Protocol;

namespace Edge.Snmp.Ber;

/// <summary>Entry points for datagrams off the wire. Every failure is a <see cref="DecodeError"/>; nothing throws.</summary>
internal static class MessageDecoder
{
    /// <summary>Reads the outer SEQUENCE and the version; <paramref name="body"/> is positioned after the version.</summary>
    public static DecodeError ReadVersion(ReadOnlySpan<byte> datagram, out SnmpVersion version, out BerReader body)
    {
        version = default;
        body = default;
        var outer = new BerReader(datagram);
        var error = outer.Read(BerTags.Sequence, out var message);
        if (error != DecodeError.None)
            return error;
        if (!outer.IsAtEnd)
            return DecodeError.TrailingData;
        body = new BerReader(message);
        if ((error = body.ReadInt32(BerTags.Integer, out var v)) != DecodeError.None)
            return error;
        if (v is not ((int)SnmpVersion.V1 or (int)SnmpVersion.V2c or (int)SnmpVersion.V3))
            return DecodeError.UnsupportedVersion;
        version = (SnmpVersion)v;
        return DecodeError.None;
    }

    public static DecodeError DecodeCommunity(ReadOnlySpan<byte> datagram, out CommunityMessageView message)
    {
        message = default;
        var error = ReadVersion(datagram, out var version, out var body);
        if (error != DecodeError.None)
            return error;
        if (version == SnmpVersion.V3)
            return DecodeError.UnsupportedVersion;
        message.Version = version;
        if ((error = body.Read(BerTags.OctetString, out message.Community)) != DecodeError.None)
            return error;
        if ((error = body.Read(out byte tag, out var pdu)) != DecodeError.None)
            return error;
        if (!body.IsAtEnd)
            return DecodeError.TrailingData;
        return PduView.Decode(tag, pdu, out message.Pdu);
    }

    /// <summary>
    /// The number a response is matched by, read without decoding the rest: the PDU's request-id for v1/v2c,
    /// msgID for v3 (RFC 3412 §7.2.10: the request-id of an encrypted PDU is not visible before decryption).
    /// </summary>
    public static DecodeError PeekMatchId(ReadOnlySpan<byte> datagram, out SnmpVersion version, out int id)
    {
        id = 0;
        var error = ReadVersion(datagram, out version, out var body);
        if (error != DecodeError.None)
            return error;
        if (version == SnmpVersion.V3)
        {
            if ((error = body.Read(BerTags.Sequence, out var header)) != DecodeError.None)
                return error;
            var h = new BerReader(header);
            return h.ReadInt32(BerTags.Integer, out id);
        }
        if ((error = body.Read(BerTags.OctetString, out _)) != DecodeError.None)
            return error;
        if ((error = body.Read(out byte _, out var pdu)) != DecodeError.None)
            return error;
        var p = new BerReader(pdu);
        return p.ReadInt32(BerTags.Integer, out id);
    }
}
