namespace Edge.Snmp.Protocol;

/// <summary>
/// A walked varbind whose OID is still arcs on the stack: what <c>edge snmp walk</c> prints from, so a walk of
/// thousands of varbinds does not create an <see cref="Oid"/> for each. Valid only during the call it is handed to.
/// </summary>
public readonly ref struct VarBindView(ReadOnlySpan<uint> arcs, SnmpValue value)
{
    public ReadOnlySpan<uint> Arcs { get; } = arcs;
    public SnmpValue Value { get; } = value;

    /// <summary>The varbind as an object, to keep beyond the call.</summary>
    public VarBind ToVarBind() => new(new Oid(Arcs.ToArray()), Value);
}
