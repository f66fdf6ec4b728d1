using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Edge.Snmp.Ber;

namespace Edge.Snmp.Usm;

/// <summary>
/// An SNMPv3 message (RFC 3412 §6) with USM security parameters (RFC 3414 §2.4), decoded in place. The scoped
/// PDU is left as it came: plaintext (a SEQUENCE) or encrypted (an OCTET STRING).
/// </summary>
internal ref struct V3MessageView
{
    public const int UsmSecurityModel = 3;

    public int MessageId;
    public int MaxSize;
    public byte Flags;
    public ReadOnlySpan<byte> EngineId;
    public int EngineBoots;
    public int EngineTime;
    public ReadOnlySpan<byte> UserName;
    public ReadOnlySpan<byte> AuthParameters;
    /// <summary>Where <see cref="AuthParameters"/> starts in the datagram, so the MAC can be zeroed and checked in place.</summary>
    public int AuthParametersOffset;
    public ReadOnlySpan<byte> PrivParameters;
    public bool Encrypted;
    /// <summary>The encrypted octets, or the plaintext ScopedPDU SEQUENCE's content.</summary>
    public ReadOnlySpan<byte> ScopedPduData;

    public readonly bool IsAuthenticated => (Flags & 0x01) != 0;
    public readonly bool IsPrivate => (Flags & 0x02) != 0;
    public readonly bool IsReportable => (Flags & 0x04) != 0;

    public static DecodeError Decode(ReadOnlySpan<byte> datagram, out V3MessageView message)
    {
        message = default;
        var error = MessageDecoder.ReadVersion(datagram, out var version, out var body);
        if (error != DecodeError.None)
            return error;
        if (version != Protocol.SnmpVersion.V3)
            return DecodeError.UnsupportedVersion;

        // HeaderData (RFC 3412 §6): msgID, msgMaxSize, msgFlags (one octet), msgSecurityModel.
        if ((error = body.Read(BerTags.Sequence, out var header)) != DecodeError.None)
            return error;
        var h = new BerReader(header);
        if ((error = h.ReadInt32(BerTags.Integer, out message.MessageId)) != DecodeError.None)
            return error;
        if ((error = h.ReadInt32(BerTags.Integer, out message.MaxSize)) != DecodeError.None)
            return error;
        if ((error = h.Read(BerTags.OctetString, out var flags)) != DecodeError.None)
            return error;
        if ((error = h.ReadInt32(BerTags.Integer, out var model)) != DecodeError.None)
            return error;
        if (!h.IsAtEnd)
            return DecodeError.TrailingData;
        // msgID and msgMaxSize are 0..2^31-1 and 484..2^31-1; one flags octet; priv without auth is invalid (§7.2.5).
        if (message.MessageId < 0 || message.MaxSize < 484 || flags.Length != 1 || (flags[0] & 0x03) == 0x02)
            return DecodeError.BadSecurityParameters;
        if (model != UsmSecurityModel)
            return DecodeError.BadSecurityParameters;
        message.Flags = flags[0];

        if ((error = body.Read(BerTags.OctetString, out var securityParameters)) != DecodeError.None)
            return error;
        var outer = new BerReader(securityParameters);
        if ((error = outer.Read(BerTags.Sequence, out var usm)) != DecodeError.None)
            return error;
        if (!outer.IsAtEnd)
            return DecodeError.TrailingData;
        var u = new BerReader(usm);
        if ((error = u.Read(BerTags.OctetString, out message.EngineId)) != DecodeError.None)
            return error;
        if ((error = u.ReadInt32(BerTags.Integer, out message.EngineBoots)) != DecodeError.None)
            return error;
        if ((error = u.ReadInt32(BerTags.Integer, out message.EngineTime)) != DecodeError.None)
            return error;
        if ((error = u.Read(BerTags.OctetString, out message.UserName)) != DecodeError.None)
            return error;
        if ((error = u.Read(BerTags.OctetString, out message.AuthParameters)) != DecodeError.None)
            return error;
        if ((error = u.Read(BerTags.OctetString, out message.PrivParameters)) != DecodeError.None)
            return error;
        if (!u.IsAtEnd)
            return DecodeError.TrailingData;
        // RFC 3414 §2.4: engine ID at most 32 octets, user name at most 32, boots and time non-negative.
        if (message.EngineId.Length > 32 || message.UserName.Length > 32 || message.EngineBoots < 0 || message.EngineTime < 0)
            return DecodeError.BadSecurityParameters;
        message.AuthParametersOffset = message.AuthParameters.IsEmpty
            ? -1
            : (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(datagram), ref MemoryMarshal.GetReference(message.AuthParameters));

        if ((error = body.Read(out byte tag, out message.ScopedPduData)) != DecodeError.None)
            return error;
        if (!body.IsAtEnd)
            return DecodeError.TrailingData;
        message.Encrypted = tag == BerTags.OctetString;
        if (!message.Encrypted && tag != BerTags.Sequence)
            return DecodeError.UnexpectedTag;
        if (message.Encrypted != message.IsPrivate)
            return DecodeError.BadSecurityParameters;
        return DecodeError.None;
    }
}
