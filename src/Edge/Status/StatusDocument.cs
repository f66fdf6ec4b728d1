using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;
namespace Edge.Status;

/// <summary>What <c>edge status --json</c> prints and the status endpoint serves (secrets never enter it).</summary>
public sealed record StatusDocument
{
    public required string Version { get; init; }
    public required string Appliance { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double UptimeSeconds { get; init; }
    public required ConfigStatus Config { get; init; }
    public required IReadOnlyList<SourceStatus> Sources { get; init; }
    public required IReadOnlyList<ReadingStatus> Readings { get; init; }
    public required IReadOnlyList<AlertStatus> OpenAlerts { get; init; }
    public required CounterStatus Counters { get; init; }
    public required UplinkReport Uplink { get; init; }

    /// <summary>The SNMP trap receiver; absent when none is configured.</summary>
    public TrapsReport? SnmpTraps { get; init; }

    /// <summary>Every open maintenance window: alerts it covers are evaluated but not paged until it ends.</summary>
    public IReadOnlyList<MaintenanceStatus> Maintenance { get; init; } = [];

    /// <summary>Whether the board's hardware watchdog is armed, as the kernel reports it.</summary>
    public required string HardwareWatchdog { get; init; }
}

/// <summary>Whether events reach PagerDuty, and what waits in the outbox.</summary>
public sealed record UplinkReport(string State, long Pending, long Parked, long Delivered, double? OldestPendingAgeSeconds,
    DateTimeOffset? LastDelivered, int ConsecutiveFailures, string? LastError, long Dropped)
{
    /// <summary>Routes held or failing for a reason of their own: "key rejected", "refused", "relay fault".</summary>
    public IReadOnlyList<RouteFaultReport> RouteFaults { get; init; } = [];

    /// <summary>Open incidents whose trigger went out with a key the route no longer has; their resolves go with that key.</summary>
    public IReadOnlyList<RetiredKeyIncident> OpenUnderRetiredKey { get; init; } = [];
}

public sealed record RouteFaultReport(string Route, string Fault, string Error, DateTimeOffset Since);

public sealed record RetiredKeyIncident(string DedupKey, string Route);

/// <summary>What the trap receiver saw since the daemon started, and how many polls traps brought forward.</summary>
public sealed record TrapsReport(string Listen, bool Listening, long Received, long Accepted, long InformsAcknowledged, long ReportsSent,
    long EarlyPolls, IReadOnlyDictionary<string, long> Dropped);

public sealed record ConfigStatus(string File, string State, int Generation, DateTimeOffset? AppliedAt, DateTimeOffset? RejectedAt, IReadOnlyList<string> Problems);

/// <param name="Problem">Why the source cannot read, in its own words (Device42 refusing Edge over its licence; an SNMP device with no supported MIB); null when it reads.</param>
public sealed record SourceStatus(string Id, string Kind, string Interval, bool? Reachable, double? LastReadAgeSeconds, string? Problem = null);

public sealed record ReadingStatus(string Entity, string Metric, string Value, string Unit, double AgeSeconds);

public sealed record AlertStatus(string Rule, string Entity, string Phase, string Severity, string Value, DateTimeOffset Since);

public sealed record CounterStatus(long ReadingsRefused, long ReadingsDropped, long SeriesMemoryBytes, long SeriesMemoryBudget);

public sealed record MaintenanceStatus(long Id, IReadOnlyList<string> Selector, IReadOnlyList<string> Rules, DateTimeOffset Start, DateTimeOffset End, double LeftSeconds, string Reason, string StartedBy);
