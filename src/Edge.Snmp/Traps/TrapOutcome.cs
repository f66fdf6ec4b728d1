namespace Edge.Snmp.Traps;

/// <summary>
/// What one datagram came to: a notification accepted from some devices (with the inform's acknowledgement to send),
/// a v3 Report to send (discovery, time window), or a drop with its reason. Never carries a secret.
/// </summary>
internal sealed record TrapOutcome
{
    public TrapDropReason? Dropped { get; init; }
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>The datagram to send back to the sender: a Response to an inform, or a Report.</summary>
    public byte[]? Reply { get; init; }

    public bool IsInform { get; init; }

    /// <summary>For the log: what the notification was (trap OID or v1 enterprise/generic/specific), or why it was dropped.</summary>
    public string Detail { get; init; } = "";

    public static TrapOutcome Drop(TrapDropReason reason, string detail = "") => new() { Dropped = reason, Detail = detail };

    public static TrapOutcome Report(byte[] report, TrapDropReason? alsoDropped = null, string detail = "") =>
        new() { Reply = report, Dropped = alsoDropped, Detail = detail };
}
