namespace Edge.Snmp.Traps;

/// <summary>
/// What the trap receiver saw since the daemon started. Written by the receive loop, read by <c>edge status</c>;
/// kept by the host across receivers, so a configuration reload does not reset them.
/// </summary>
public sealed class TrapCounters
{
    private readonly long[] _dropped = new long[Enum.GetValues<TrapDropReason>().Length];
    private long _received;
    private long _accepted;
    private long _informs;
    private long _reports;

    public void Received() => Interlocked.Increment(ref _received);
    public void Accepted() => Interlocked.Increment(ref _accepted);
    public void InformAcknowledged() => Interlocked.Increment(ref _informs);
    public void ReportSent() => Interlocked.Increment(ref _reports);
    internal void Dropped(TrapDropReason reason) => Interlocked.Increment(ref _dropped[(int)reason]);

    public TrapCountersSnapshot Snapshot() => new(
        Interlocked.Read(ref _received), Interlocked.Read(ref _accepted), Interlocked.Read(ref _informs), Interlocked.Read(ref _reports),
        Enum.GetValues<TrapDropReason>().ToDictionary(r => Name(r), r => Interlocked.Read(ref _dropped[(int)r])));

    /// <summary>The reason as status and metrics name it: camelCase, like the JSON around it.</summary>
    internal static string Name(TrapDropReason reason)
    {
        var text = reason.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}

/// <param name="Received">Every datagram that reached the socket.</param>
/// <param name="Accepted">Traps and informs accepted from a configured device (each asks for a re-poll).</param>
/// <param name="InformsAcknowledged">Informs answered with a Response.</param>
/// <param name="ReportsSent">v3 Reports sent: engine discovery and time synchronisation for informs (RFC 3414 §4).</param>
/// <param name="Dropped">Datagrams dropped, by <see cref="TrapDropReason"/> name.</param>
public sealed record TrapCountersSnapshot(long Received, long Accepted, long InformsAcknowledged, long ReportsSent, IReadOnlyDictionary<string, long> Dropped);
