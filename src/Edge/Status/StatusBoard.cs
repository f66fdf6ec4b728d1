using System.Globalization;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Status;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>
/// The show stage's only window on the daemon: an immutable snapshot, replaced by the evaluate stage at most once a
/// second. Readers never lock or block the pipeline.
/// </summary>
public sealed class StatusBoard
{
    private volatile StatusSnapshot _current = StatusSnapshot.Empty;
    private volatile UplinkStatus _uplink = UplinkStatus.Unknown;

    public StatusSnapshot Current => _current;

    /// <summary>The uplink and the outbox, published by the forwarder when they change.</summary>
    public UplinkStatus Uplink => _uplink;

    public void PublishUplink(UplinkStatus uplink) => _uplink = uplink;

    public void Publish(StatusSnapshot snapshot) => _current = snapshot;
}

public sealed record StatusSnapshot(DateTimeOffset Taken, IReadOnlyList<LatestReading> Readings, IReadOnlyList<OpenAlert> OpenAlerts, long RefusedReadings, long DroppedReadings, long SeriesBytes, long SeriesBudget)
{
    public static readonly StatusSnapshot Empty = new(DateTimeOffset.MinValue, [], [], 0, 0, 0, 0);

    /// <summary>Every maintenance window open when the snapshot was taken.</summary>
    public IReadOnlyList<Core.Maintenance.MaintenanceWindow> Maintenance { get; init; } = [];
}

/// <summary>The newest value of one series, as the series holds it: formatted only where it is written out.</summary>
public sealed record LatestReading(string Entity, string Metric, MetricInfo Info, double Value, DateTimeOffset Time)
{
    public string Unit => Info.Unit;

    /// <summary>The value as text: a state metric's state name, a number to three decimals (spec/interfaces.md).</summary>
    public string Text => Info.Format(Value);
}

/// <param name="Severity">The rule's severity; null when the rule left the configuration while its alert was still open.</param>
/// <param name="Info">The alert's metric; null when its series is gone, and the value is then written as a plain number.</param>
public sealed record OpenAlert(string RuleId, string Entity, AlertPhase Phase, Severity? Severity, double Value, MetricInfo? Info, DateTimeOffset Since)
{
    public string ValueText => Info?.Format(Value) ?? Value.ToString(CultureInfo.InvariantCulture);
}
