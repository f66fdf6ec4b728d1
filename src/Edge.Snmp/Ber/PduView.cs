using Edge.Snmp.Protocol;

namespace Edge.Snmp.Ber;

/// <summary>
/// A PDU decoded in place: the header integers are read, the varbinds are left in the datagram until asked for.
/// For a v1 Trap-PDU (RFC 1157 §4.1.6) the trap fields are read instead of request-id/error-status/error-index.
/// </summary>
internal ref struct PduView
{
    public PduType Type;
    public int RequestId;
    public int ErrorStatus;
    public int ErrorIndex;
    public ReadOnlySpan<byte> VarBindList;
    public ReadOnlySpan<byte> Enterprise;
    public ReadOnlySpan<byte> AgentAddress;
    public int GenericTrap;
    public int SpecificTrap;
    public uint TimeStamp;

    public static DecodeError Decode(byte tag, ReadOnlySpan<byte> content, out PduView pdu)
    {
        pdu = default;
        if (tag < (byte)PduType.GetRequest || tag > (byte)PduType.Report)
            return DecodeError.UnexpectedTag;
        pdu.Type = (PduType)tag;
        var reader = new BerReader(content);
        DecodeError error;
        if (pdu.Type == PduType.TrapV1)
        {
            if ((error = reader.Read(BerTags.ObjectIdentifier, out pdu.Enterprise)) != DecodeError.None)
                return error;
            if (!OidCodec.TryDecode(pdu.Enterprise, stackalloc uint[OidCodec.MaxArcs], out _))
                return DecodeError.BadOid;
            if ((error = reader.Read((byte)SnmpType.IpAddress, out pdu.AgentAddress)) != DecodeError.None)
                return error;
            if ((error = reader.ReadInt32(BerTags.Integer, out pdu.GenericTrap)) != DecodeError.None)
                return error;
            if ((error = reader.ReadInt32(BerTags.Integer, out pdu.SpecificTrap)) != DecodeError.None)
                return error;
            if ((error = reader.Read((byte)SnmpType.TimeTicks, out var ticks)) != DecodeError.None)
                return error;
            if (!BerInteger.TryDecodeUnsigned(ticks, 32, out var t))
                return DecodeError.BadInteger;
            pdu.TimeStamp = (uint)t;
        }
        else
        {
            if ((error = reader.ReadInt32(BerTags.Integer, out pdu.RequestId)) != DecodeError.None)
                return error;
            if ((error = reader.ReadInt32(BerTags.Integer, out pdu.ErrorStatus)) != DecodeError.None)
                return error;
            if ((error = reader.ReadInt32(BerTags.Integer, out pdu.ErrorIndex)) != DecodeError.None)
                return error;
        }
        if ((error = reader.Read(BerTags.Sequence, out pdu.VarBindList)) != DecodeError.None)
            return error;
        return reader.IsAtEnd ? DecodeError.None : DecodeError.TrailingData;
    }

    /// <summary>
    /// Decodes the varbinds into <paramref name="into"/>. Where the i-th OID equals <paramref name="expected"/>[i]
    /// (a GET answered in order), that <see cref="Oid"/> instance is reused, so numeric varbinds of known OIDs
    /// allocate nothing. On failure <paramref name="into"/> holds the varbinds decoded before the bad one.
    /// </summary>
    public readonly DecodeError ReadVarBinds(List<VarBind> into, IReadOnlyList<Oid>? expected = null)
    {
        var reader = new VarBindReader(VarBindList);
        Span<uint> arcs = stackalloc uint[OidCodec.MaxArcs];
        var i = 0;
        while (!reader.IsAtEnd)
        {
            var error = reader.Next(out var raw);
            if (error != DecodeError.None)
                return error;
            if (!OidCodec.TryDecode(raw.Oid, arcs, out var count))
                return DecodeError.BadOid;
            Oid oid;
            if (expected is not null && i < expected.Count && arcs[..count].SequenceEqual(expected[i].Arcs))
                oid = expected[i];
            else
                oid = new Oid(arcs[..count].ToArray());
            error = ValueDecoder.Decode(raw.ValueTag, raw.Value, out var value);
            if (error != DecodeError.None)
                return error;
            into.Add(new VarBind(oid, value));
            i++;
        }
        return DecodeError.None;
    }

    /// <summary>
    /// Whether <see cref="ReadVarBinds"/> would succeed, without decoding anything into objects: a walk checks a
    /// response here (a malformed one is rejected and the request keeps waiting) and decodes it later, one varbind
    /// at a time, from a copy of <see cref="VarBindList"/>.
    /// </summary>
    public readonly DecodeError CheckVarBinds()
    {
        var reader = new VarBindReader(VarBindList);
        Span<uint> arcs = stackalloc uint[OidCodec.MaxArcs];
        while (!reader.IsAtEnd)
        {
            var error = reader.Next(out var raw);
            if (error != DecodeError.None)
                return error;
            if (!OidCodec.TryDecode(raw.Oid, arcs, out _))
                return DecodeError.BadOid;
            error = ValueDecoder.Check(raw.ValueTag, raw.Value);
            if (error != DecodeError.None)
                return error;
        }
        return DecodeError.None;
    }

    /// <summary>The whole PDU as objects (allocates; for traps, tests and tools).</summary>
    public readonly DecodeError ToPdu(out Pdu? pdu)
    {
        pdu = null;
        var list = new List<VarBind>();
        var error = ReadVarBinds(list);
        if (error != DecodeError.None)
            return error;
        TrapV1? trap = null;
        if (Type == PduType.TrapV1)
        {
            OidCodec.TryDecode(Enterprise, out var enterprise);
            trap = new TrapV1(enterprise!, AgentAddress.ToArray(), GenericTrap, SpecificTrap, TimeStamp);
        }
        pdu = new Pdu(Type, RequestId, list, ErrorStatus, ErrorIndex, trap);
        return DecodeError.None;
    }
}
