namespace Edge.Snmp.Ber;

/// <summary>Walks a VarBindList (RFC 3416 §3) in place: each entry a SEQUENCE of exactly an OID and a value.</summary>
internal ref struct VarBindReader
{
    private BerReader _reader;

    public VarBindReader(ReadOnlySpan<byte> varBindListContent) => _reader = new BerReader(varBindListContent);

    public readonly bool IsAtEnd => _reader.IsAtEnd;

    public DecodeError Next(out RawVarBind varBind)
    {
        varBind = default;
        var error = _reader.Read(BerTags.Sequence, out var entry);
        if (error != DecodeError.None)
            return error;
        var inner = new BerReader(entry);
        error = inner.Read(BerTags.ObjectIdentifier, out var oid);
        if (error != DecodeError.None)
            return error;
        error = inner.Read(out byte tag, out var value);
        if (error != DecodeError.None)
            return error;
        if (!inner.IsAtEnd)
            return DecodeError.TrailingData;
        varBind = new RawVarBind(oid, tag, value);
        return DecodeError.None;
    }
}
