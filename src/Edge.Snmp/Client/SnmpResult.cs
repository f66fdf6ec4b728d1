using Edge.Snmp.Protocol;

namespace Edge.Snmp.Client;

/// <summary>
/// What a request returned. noSuchObject, noSuchInstance and endOfMibView are values inside <see cref="VarBinds"/>,
/// not errors. A walk that stopped early keeps the varbinds it had and says why in <see cref="Error"/>.
/// </summary>
public sealed record SnmpResult(IReadOnlyList<VarBind> VarBinds, SnmpError? Error)
{
    public bool Ok => Error is null;

    /// <summary>A walk's request answered without error: its varbinds as checked BER, <see cref="VarBinds"/> empty (see <see cref="Reply.RawVarBinds"/>).</summary>
    internal ArraySegment<byte> RawVarBinds { get; init; }

    internal static SnmpResult Fail(SnmpError error) => new([], error);
}
