using Edge.Snmp.Ber;

namespace Edge.Snmp.Usm;

/// <summary>ScopedPDU (RFC 3412 §6.8): contextEngineID, contextName, one PDU.</summary>
internal ref struct ScopedPduView
{
    public ReadOnlySpan<byte> ContextEngineId;
    public ReadOnlySpan<byte> ContextName;
    public PduView Pdu;

    /// <summary>
    /// Decodes a plaintext scoped PDU. <paramref name="allowPadding"/> accepts octets after the SEQUENCE, which is
    /// where DES leaves its padding (RFC 3414 §8.1.1.2).
    /// </summary>
    public static DecodeError Decode(ReadOnlySpan<byte> data, bool allowPadding, out ScopedPduView scoped)
    {
        scoped = default;
        var outer = new BerReader(data);
        var error = outer.Read(BerTags.Sequence, out var content);
        if (error != DecodeError.None)
            return error;
        if (!allowPadding && !outer.IsAtEnd)
            return DecodeError.TrailingData;
        return DecodeContent(content, out scoped);
    }

    public static DecodeError DecodeContent(ReadOnlySpan<byte> content, out ScopedPduView scoped)
    {
        scoped = default;
        var reader = new BerReader(content);
        DecodeError error;
        if ((error = reader.Read(BerTags.OctetString, out scoped.ContextEngineId)) != DecodeError.None)
            return error;
        if ((error = reader.Read(BerTags.OctetString, out scoped.ContextName)) != DecodeError.None)
            return error;
        if ((error = reader.Read(out byte tag, out var pdu)) != DecodeError.None)
            return error;
        if (!reader.IsAtEnd)
            return DecodeError.TrailingData;
        return PduView.Decode(tag, pdu, out scoped.Pdu);
    }
}
