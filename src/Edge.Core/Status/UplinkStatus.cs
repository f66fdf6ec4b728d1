namespace Edge.Core.Status;

/// <summary>
/// The deliver stage as the show stage sees it (the LCD's "PD DOWN 37 queued", <c>edge status</c>, /status, /metrics):
/// whether the uplink works, what the outbox holds, which routes need the operator. Published by the forwarder when it
/// changes; <see cref="Unknown"/> until it does.
/// </summary>
/// <param name="Pending">Events waiting in the outbox to be sent.</param>
public sealed record UplinkStatus(UplinkState State, long Pending)
{
    public static readonly UplinkStatus Unknown = new(UplinkState.Unknown, 0);

    /// <summary>Events PagerDuty refused for good (400, 413): kept for the operator, never retried by themselves.</summary>
    public long Parked { get; init; }

    public long Delivered { get; init; }

    /// <summary>Events dropped by retention or the size bound.</summary>
    public long Dropped { get; init; }

    public DateTimeOffset? LastDelivered { get; init; }

    public DateTimeOffset? LastFailure { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>The last failure's answer, with any routing key taken out.</summary>
    public string? LastError { get; init; }

    /// <summary>Routes held or failing for a reason of their own (a rejected key, a refusing or faulty relay).</summary>
    public IReadOnlyList<RouteFault> RouteFaults { get; init; } = [];

    /// <summary>Open incidents whose trigger went out with a key since rotated away (dedup key and route; never the key).</summary>
    public IReadOnlyList<(string DedupKey, string Route)> OpenUnderRetiredKey { get; init; } = [];

    /// <summary>
    /// Since the oldest pending event was detected, as of <see cref="OldestPendingTakenAt"/> (null: none pending, or not
    /// known on this clock). Held with a monotonic timestamp so its age can be read at any time without re-reading the
    /// outbox, and a step of the wall clock (NTP at boot) does not change it.
    /// </summary>
    public TimeSpan? OldestPendingAge { get; init; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> at which <see cref="OldestPendingAge"/> was true.</summary>
    public long OldestPendingTakenAt { get; init; }

    public TimeSpan? OldestPendingAgeNow(TimeProvider time) => OldestPendingAge + time.GetElapsedTime(OldestPendingTakenAt);

    /// <summary>A route's own fault outranks a plain outage: it needs the operator, not patience.</summary>
    public static UplinkState StateOf(IReadOnlyList<RouteFault> routeFaults, int consecutiveFailures, DateTimeOffset? lastDelivered)
    {
        if (routeFaults.Any(f => f.Kind == RouteFaultKind.KeyRejected))
            return UplinkState.KeyRejected;
        if (routeFaults.Any(f => f.Kind == RouteFaultKind.Refused))
            return UplinkState.Refused;
        if (routeFaults.Any(f => f.Kind == RouteFaultKind.RelayFault))
            return UplinkState.RelayFault;
        return consecutiveFailures > 0 ? UplinkState.Down
            : lastDelivered is not null ? UplinkState.Ok
            : UplinkState.Unknown;
    }

    /// <summary>The same facts, its lists compared by content (records compare lists by reference).</summary>
    public bool SameAs(UplinkStatus other) =>
        WithoutLists(this) == WithoutLists(other)
        && RouteFaults.SequenceEqual(other.RouteFaults) && OpenUnderRetiredKey.SequenceEqual(other.OpenUnderRetiredKey)
        && OldestPendingAge.HasValue == other.OldestPendingAge.HasValue;

    private static UplinkStatus WithoutLists(UplinkStatus s) =>
        s with { RouteFaults = Array.Empty<RouteFault>(), OpenUnderRetiredKey = Array.Empty<(string, string)>(), OldestPendingAge = null, OldestPendingTakenAt = 0 };
}
