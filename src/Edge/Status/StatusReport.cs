using System.Globalization;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Status;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>Builds the status document from the daemon's immutable snapshots; never touches the pipeline itself.</summary>
public sealed class StatusReport(StatusBoard board, ConfigState config, TrapService traps, PollDurations pollDurations, SourceProblems problems, TimeProvider time)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private readonly string _hardwareWatchdog = Systemd.HardwareWatchdog.Describe();

    public StatusDocument Build()
    {
        var now = time.GetUtcNow();
        var snapshot = board.Current;
        var current = config.Current;
        var rejection = config.Rejection;
        var sources = current.Monitor.Sources.Select(s =>
        {
            var reachable = snapshot.Readings.FirstOrDefault(r => r.Entity == s.Id && r.Metric == Core.Readings.Metrics.Reachable);
            var newest = snapshot.Readings.Where(r => r.Entity == s.Id || r.Entity.StartsWith(s.Id + "/", StringComparison.Ordinal))
                .Select(r => (DateTimeOffset?)r.Time).Max();
            return new SourceStatus(s.Id, s.Kind.ToString(), Durations.Format(s.Interval), reachable is null ? null : reachable.Value == 1,
                newest is { } t ? Math.Round((now - t).TotalSeconds, 1) : null, problems.Of(s.Id));
        }).ToList();
        return new StatusDocument
        {
            Version = Commands.RunCommand.Version,
            Appliance = current.Monitor.Appliance.Id,
            Now = now,
            StartedAt = _started,
            UptimeSeconds = Math.Round((now - _started).TotalSeconds),
            Config = new ConfigStatus(current.FilePath, rejection is null ? "good" : "rejected edit", config.Generation, config.AppliedAt,
                rejection?.At, rejection?.Problems ?? []),
            Sources = sources,
            Readings = snapshot.Readings.Select(r => new ReadingStatus(r.Entity, r.Metric, r.Text, r.Unit, Math.Round((now - r.Time).TotalSeconds, 1))).ToList(),
            OpenAlerts = snapshot.OpenAlerts.Select(a => new AlertStatus(a.RuleId, a.Entity, a.Phase.ToString().ToLowerInvariant(), SeverityName(a.Severity), a.ValueText, a.Since)).ToList(),
            Counters = new CounterStatus(snapshot.RefusedReadings, snapshot.DroppedReadings, snapshot.SeriesBytes, snapshot.SeriesBudget),
            Uplink = Uplink(board.Uplink),
            HardwareWatchdog = _hardwareWatchdog,
            Maintenance = snapshot.Maintenance.Where(w => w.End > now)
                .Select(w => new MaintenanceStatus(w.Id, w.Selector.Patterns, w.Rules, w.Start, w.End, Math.Round((w.End - now).TotalSeconds), w.Reason, w.StartedBy)).ToList(),
            SnmpTraps = traps.Status() is { } t
                ? new TrapsReport(t.Listen, t.Listening, t.Counters.Received, t.Counters.Accepted, t.Counters.InformsAcknowledged, t.Counters.ReportsSent, t.EarlyPolls, t.Counters.Dropped)
                : null,
        };
    }

    private UplinkReport Uplink(UplinkStatus uplink) =>
        new(uplink.State.ToString().ToLowerInvariant(), uplink.Pending, uplink.Parked, uplink.Delivered,
            uplink.OldestPendingAgeNow(time) is { } oldest ? Math.Round(oldest.TotalSeconds) : null,
            uplink.LastDelivered, uplink.ConsecutiveFailures, uplink.LastError, uplink.Dropped)
        {
            RouteFaults = uplink.RouteFaults.Select(f => new RouteFaultReport(f.Route, FaultName(f.Kind), f.Error, f.Since)).ToList(),
            OpenUnderRetiredKey = uplink.OpenUnderRetiredKey.Select(i => new RetiredKeyIncident(i.DedupKey, i.Route.Length == 0 ? "default" : i.Route)).ToList(),
        };

    /// <summary>PagerDuty's spelling of a severity (Events API v2: "critical", "error", "warning", "info").</summary>
    private static string SeverityName(Severity? severity) => severity?.ToString().ToLowerInvariant() ?? "";

    private static string FaultName(RouteFaultKind kind) => kind switch
    {
        RouteFaultKind.KeyRejected => "key rejected",
        RouteFaultKind.Refused => "refused",
        _ => "relay fault",
    };

    /// <summary>The same facts in the Prometheus text exposition format (version 0.0.4).</summary>
    public string Metrics()
    {
        var d = Build();
        var w = new System.Text.StringBuilder(4096);
        void Head(string name, string type, string help) => w.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        static string Esc(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        Head("edge_reading", "gauge", "Latest value of each numeric series (state metrics as their state code).");
        var board1 = board.Current;
        foreach (var r in board1.Readings.Where(r => !r.Info.IsState))
            w.Append("edge_reading{entity=\"").Append(Esc(r.Entity)).Append("\",metric=\"").Append(r.Metric).Append("\"} ").Append(Num(r.Value)).Append('\n');
        Head("edge_reading_state", "gauge", "1 for the current state of each state series.");
        foreach (var r in board1.Readings.Where(r => r.Info.IsState))
            w.Append("edge_reading_state{entity=\"").Append(Esc(r.Entity)).Append("\",metric=\"").Append(r.Metric).Append("\",state=\"").Append(Esc(r.Text)).Append("\"} 1\n");
        Head("edge_alert_open", "gauge", "1 for each alert that is pending, firing or clearing.");
        foreach (var a in d.OpenAlerts)
            w.Append("edge_alert_open{rule=\"").Append(Esc(a.Rule)).Append("\",entity=\"").Append(Esc(a.Entity)).Append("\",phase=\"").Append(a.Phase).Append("\",severity=\"").Append(a.Severity).Append("\"} 1\n");
        Head("edge_readings_refused_total", "counter", "Readings refused: unknown device or metric, over budget, or out of order.");
        w.Append("edge_readings_refused_total ").Append(d.Counters.ReadingsRefused).Append('\n');
        Head("edge_readings_dropped_total", "counter", "Readings dropped because the evaluate stage was behind.");
        w.Append("edge_readings_dropped_total ").Append(d.Counters.ReadingsDropped).Append('\n');
        Head("edge_series_memory_bytes", "gauge", "Bytes of series ring buffers allocated.");
        w.Append("edge_series_memory_bytes ").Append(d.Counters.SeriesMemoryBytes).Append('\n');
        Head("edge_config_rejected", "gauge", "1 while the last configuration edit is rejected (the daemon runs on the last good one).");
        w.Append("edge_config_rejected ").Append(d.Config.Problems.Count > 0 ? 1 : 0).Append('\n');
        Head("edge_outbox_events", "gauge", "Events in the outbox by status.");
        w.Append("edge_outbox_events{status=\"pending\"} ").Append(d.Uplink.Pending).Append('\n');
        w.Append("edge_outbox_events{status=\"parked\"} ").Append(d.Uplink.Parked).Append('\n');
        w.Append("edge_outbox_events{status=\"delivered\"} ").Append(d.Uplink.Delivered).Append('\n');
        Head("edge_outbox_oldest_pending_age_seconds", "gauge", "Age of the oldest event waiting to be delivered.");
        w.Append("edge_outbox_oldest_pending_age_seconds ").Append(Num(d.Uplink.OldestPendingAgeSeconds ?? 0)).Append('\n');
        Head("edge_outbox_dropped_total", "counter", "Events dropped by retention or the size bound (never a pending critical).");
        w.Append("edge_outbox_dropped_total ").Append(d.Uplink.Dropped).Append('\n');
        Head("edge_uplink_up", "gauge", "1 when the last delivery to PagerDuty succeeded, 0 while deliveries fail.");
        w.Append("edge_uplink_up ").Append(d.Uplink.State == "down" ? 0 : 1).Append('\n');
        Head("edge_uplink_consecutive_failures", "gauge", "Delivery attempts that failed in a row.");
        w.Append("edge_uplink_consecutive_failures ").Append(d.Uplink.ConsecutiveFailures).Append('\n');
        Head("edge_route_fault", "gauge", "1 for each route held or failing for a reason of its own (key rejected, refused, relay fault).");
        foreach (var f in d.Uplink.RouteFaults)
            w.Append("edge_route_fault{route=\"").Append(Esc(f.Route)).Append("\",fault=\"").Append(f.Fault.Replace(' ', '_')).Append("\"} 1\n");
        Head("edge_incidents_open_under_retired_key", "gauge", "Open incidents whose trigger went out with a routing key the route no longer has.");
        foreach (var g in d.Uplink.OpenUnderRetiredKey.GroupBy(i => i.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
            w.Append("edge_incidents_open_under_retired_key{route=\"").Append(Esc(g.Key)).Append("\"} ").Append(g.Count()).Append('\n');
        if (d.SnmpTraps is { } traps)
        {
            Head("edge_snmp_traps_received_total", "counter", "Datagrams that reached the SNMP trap receiver.");
            w.Append("edge_snmp_traps_received_total ").Append(traps.Received).Append('\n');
            Head("edge_snmp_traps_accepted_total", "counter", "Traps and informs accepted from a configured device.");
            w.Append("edge_snmp_traps_accepted_total ").Append(traps.Accepted).Append('\n');
            Head("edge_snmp_traps_dropped_total", "counter", "Datagrams the trap receiver dropped, by reason.");
            foreach (var (reason, count) in traps.Dropped)
                w.Append("edge_snmp_traps_dropped_total{reason=\"").Append(reason).Append("\"} ").Append(count).Append('\n');
            Head("edge_snmp_trap_polls_total", "counter", "Device polls brought forward by a trap (at most one a second per device).");
            w.Append("edge_snmp_trap_polls_total ").Append(traps.EarlyPolls).Append('\n');
        }
        var polls = pollDurations.Snapshot();
        Head("edge_poll_last_duration_seconds", "gauge", "How long the last poll of each source took (an unreachable device: its timeouts).");
        foreach (var (source, took) in polls)
            w.Append("edge_poll_last_duration_seconds{source=\"").Append(Esc(source)).Append("\"} ").Append(Num(took.LastSeconds)).Append('\n');
        Head("edge_poll_seconds_total", "counter", "Seconds spent polling each source since the daemon started.");
        foreach (var (source, took) in polls)
            w.Append("edge_poll_seconds_total{source=\"").Append(Esc(source)).Append("\"} ").Append(Num(took.SumSeconds)).Append('\n');
        Head("edge_polls_total", "counter", "Polls of each source since the daemon started.");
        foreach (var (source, took) in polls)
            w.Append("edge_polls_total{source=\"").Append(Esc(source)).Append("\"} ").Append(took.Count).Append('\n');
        Head("edge_maintenance_active", "gauge", "1 for each open maintenance window (alerts it covers are not paged until it ends).");
        foreach (var m in d.Maintenance)
            w.Append("edge_maintenance_active{id=\"").Append(m.Id).Append("\",selector=\"").Append(Esc(string.Join(",", m.Selector))).Append("\"} 1\n");
        Head("edge_maintenance_seconds_left", "gauge", "Seconds until each open maintenance window ends by itself.");
        foreach (var m in d.Maintenance)
            w.Append("edge_maintenance_seconds_left{id=\"").Append(m.Id).Append("\",selector=\"").Append(Esc(string.Join(",", m.Selector))).Append("\"} ").Append(Num(m.LeftSeconds)).Append('\n');
        Head("edge_uptime_seconds", "gauge", "Seconds since the daemon started.");
        w.Append("edge_uptime_seconds ").Append(Num(d.UptimeSeconds)).Append('\n');
        return w.ToString();
    }
}
