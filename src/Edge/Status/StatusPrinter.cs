using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;
namespace Edge.Status;

/// <summary>The status document as an operator reads it over SSH.</summary>
public static class StatusPrinter
{
    public static void Print(StatusDocument d, TextWriter o)
    {
        o.WriteLine($"Edge {d.Version} on {d.Appliance}, up {TimeSpan.FromSeconds(d.UptimeSeconds):d\\.hh\\:mm\\:ss}");
        o.WriteLine($"config: {d.Config.File}: {d.Config.State} (generation {d.Config.Generation})");
        foreach (var problem in d.Config.Problems)
            o.WriteLine($"  rejected: {problem}");
        o.WriteLine("sources:");
        foreach (var s in d.Sources)
        {
            var reach = s.Reachable switch { true => "reachable", false => "UNREACHABLE", null => "not read yet" };
            var age = s.LastReadAgeSeconds is { } a ? $", last read {a:0.#} s ago" : "";
            o.WriteLine($"  {s.Id,-16} {s.Kind,-12} every {s.Interval,-5} {reach}{age}");
            if (s.Problem is { } problem)
                o.WriteLine($"    problem: {problem}");
        }
        o.WriteLine("readings:");
        foreach (var r in d.Readings)
            o.WriteLine($"  {r.Entity,-24} {r.Metric,-20} {r.Value,10} {r.Unit,-4} ({r.AgeSeconds:0.#} s ago)");
        foreach (var m in d.Maintenance)
            o.WriteLine($"MAINTENANCE {m.Id} on {string.Join(",", m.Selector)} ({(m.Rules.Count == 0 ? "every rule" : string.Join(",", m.Rules))}) until {m.End:u}, " +
                $"{Display.Pages.LcdText.Remaining(TimeSpan.FromSeconds(m.LeftSeconds))} left: {m.Reason}, by {m.StartedBy}; covered alerts are not paged unless still firing at its end");
        o.WriteLine(d.OpenAlerts.Count == 0 ? "open alerts: none" : $"open alerts: {d.OpenAlerts.Count}");
        foreach (var a in d.OpenAlerts)
            o.WriteLine($"  {a.Severity,-8} {a.Rule,-24} {a.Entity,-24} {a.Phase,-8} value {a.Value} since {a.Since:u}");
        if (d.Counters.ReadingsRefused > 0 || d.Counters.ReadingsDropped > 0)
            o.WriteLine($"readings refused {d.Counters.ReadingsRefused}, dropped {d.Counters.ReadingsDropped}");
        var u = d.Uplink;
        var oldest = u.OldestPendingAgeSeconds is { } pendingAge ? $", oldest {TimeSpan.FromSeconds(pendingAge):d\\.hh\\:mm\\:ss}" : "";
        o.WriteLine($"uplink: {u.State.ToUpperInvariant()}; outbox {u.Pending} pending{oldest}, {u.Parked} parked, {u.Delivered} delivered" +
            (u.ConsecutiveFailures > 0 ? $"; {u.ConsecutiveFailures} failures in a row, last: {u.LastError}" : "") +
            (u.Dropped > 0 ? $"; {u.Dropped} dropped" : ""));
        foreach (var f in u.RouteFaults)
            o.WriteLine($"  route {f.Route}: {f.Fault.ToUpperInvariant()} since {f.Since:u}: {f.Error}");
        foreach (var i in u.OpenUnderRetiredKey)
            o.WriteLine($"  incident {i.DedupKey} is open under a retired key of route {i.Route}; its resolve goes with that key");
        if (d.SnmpTraps is { } t)
        {
            var dropped = string.Join(", ", t.Dropped.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"));
            o.WriteLine($"snmp traps: {(t.Listening ? "listening on" : "NOT LISTENING on")} {t.Listen}; {t.Received} received, {t.Accepted} accepted " +
                $"({t.InformsAcknowledged} informs), {t.EarlyPolls} early polls" + (dropped.Length > 0 ? $"; dropped: {dropped}" : ""));
        }
        o.WriteLine($"series memory: {d.Counters.SeriesMemoryBytes} of {d.Counters.SeriesMemoryBudget} bytes");
        o.WriteLine($"hardware watchdog: {d.HardwareWatchdog}");
    }
}
