using Edge.Snmp.Protocol;

namespace Edge.Snmp.Client;

/// <summary>A failed request. The message names the host and what failed, never a community or key.</summary>
public sealed record SnmpError(SnmpErrorKind Kind, string Message)
{
    /// <summary>The agent's error-status, for <see cref="SnmpErrorKind.ErrorStatus"/>.</summary>
    public ErrorStatus Status { get; init; }

    /// <summary>The agent's error-index (1-based varbind position; 0 when none), for <see cref="SnmpErrorKind.ErrorStatus"/>.</summary>
    public int Index { get; init; }
}
