namespace Edge.Snmp.Ber;

/// <summary>One varbind as it lies in the datagram: the OID's content octets and the value's tag and content.</summary>
internal readonly ref struct RawVarBind
{
    public RawVarBind(ReadOnlySpan<byte> oid, byte valueTag, ReadOnlySpan<byte> value)
    {
        Oid = oid;
        ValueTag = valueTag;
        Value = value;
    }

    public ReadOnlySpan<byte> Oid { get; }
    public byte ValueTag { get; }
    public ReadOnlySpan<byte> Value { get; }
}
