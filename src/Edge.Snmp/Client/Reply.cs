using Edge.Snmp.Protocol;

namespace Edge.Snmp.Client;

/// <summary>A response or report matched to a request, decoded off the receive buffer.</summary>
internal sealed record Reply(PduType Type, int ErrorStatus, int ErrorIndex, List<VarBind> VarBinds)
{
    /// <summary>
    /// For a walk's request answered without error: the checked VarBindList content, copied out of the receive buffer,
    /// to be decoded one varbind at a time; <see cref="VarBinds"/> is then empty.
    /// </summary>
    public ArraySegment<byte> RawVarBinds { get; init; }

    /// <summary>For v3: the authoritative engine's ID, boots and time as the message carried them.</summary>
    public byte[]? EngineId { get; init; }
    public int EngineBoots { get; init; }
    public int EngineTime { get; init; }

    /// <summary>For v3: whether the message's MAC was verified (only then can its engine time be trusted).</summary>
    public bool Authenticated { get; init; }
}
