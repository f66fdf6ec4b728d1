using System.Globalization;
using Edge.Core.Status;

namespace Edge.Display.Pages;

/// <summary>
/// The rotating status pages, as pure functions of the status: the appliance's name and address; each sensor's
/// temperature and humidity (two per page on a 4-row display); open alerts (count and the most severe); the uplink
/// and outbox depth. And the page a firing critical alert puts over everything.
/// </summary>
public static class StatusPages
{
    public static IReadOnlyList<LcdPage> Build(DisplayStatus status, int columns, int rows)
    {
        var pages = new List<LcdPage>
        {
            Page("identity", columns, rows, status.ApplianceName, status.Address ?? "no IP address"),
        };
        var perPage = rows / 2;
        for (var i = 0; i < status.Sensors.Count; i += perPage)
        {
            var lines = new List<string>();
            foreach (var sensor in status.Sensors.Skip(i).Take(perPage))
            {
                lines.Add(sensor.Id);
                lines.Add(sensor.Reachable
                    ? LcdText.Split(LcdText.Temperature(sensor.TemperatureC), LcdText.Humidity(sensor.HumidityPct), columns)
                    : "unreachable");
            }
            pages.Add(Page($"sensors {i + 1}", columns, rows, [.. lines]));
        }
        pages.Add(Alerts(status, columns, rows));
        pages.Add(Uplink(status.Uplink, columns, rows));
        return pages;
    }

    /// <summary>The most severe firing critical alert, or null: it takes over the screen until it resolves.</summary>
    public static LcdPage? Critical(DisplayStatus status, int columns, int rows)
    {
        var critical = status.Alerts.Where(a => a.IsCritical).ToList();
        if (critical.Count == 0)
            return null;
        var first = critical[0];
        var more = critical.Count > 1 ? $"+{critical.Count - 1} more" : "";
        return rows >= 4
            ? Page("critical", columns, rows, "!! CRITICAL !!", first.RuleId, first.Entity, more)
            : Page("critical", columns, rows, LcdText.Split("CRITICAL", more, columns), first.RuleId);
    }

    /// <summary>
    /// The page with its last row given to "MAINTENANCE 1h05m" (the window that ends first; "x2" when two are open),
    /// so the technician at the rack sees on every page that pages are held, and for how long.
    /// </summary>
    public static LcdPage WithMaintenance(LcdPage page, IReadOnlyList<DateTimeOffset> ends, DateTimeOffset now, int columns)
    {
        if (ends.Count == 0)
            return page;
        var left = LcdText.Remaining(ends.Min() - now);
        var count = ends.Count > 1 ? $" x{ends.Count}" : "";
        var banner = $"MAINTENANCE{count} {left}";
        if (banner.Length > columns)
            banner = $"MAINT{count} {left}";
        var rows = page.Rows.ToArray();
        rows[^1] = LcdText.Fit(banner, columns);
        return page with { Rows = rows };
    }

    private static LcdPage Alerts(DisplayStatus status, int columns, int rows)
    {
        if (status.Alerts.Count == 0)
            return Page("alerts", columns, rows, "No alerts", "all clear");
        var worst = status.Alerts.OrderBy(a => a.Rank).ThenBy(a => a.Firing ? 0 : 1).First();
        var count = status.Alerts.Count.ToString(CultureInfo.InvariantCulture);
        var title = $"{count} alert{(status.Alerts.Count == 1 ? "" : "s")} open";
        return rows >= 4
            ? Page("alerts", columns, rows, title, $"{worst.Label} {worst.RuleId}", worst.Entity, worst.Firing ? "firing" : "pending")
            : Page("alerts", columns, rows, title, $"{worst.Label} {worst.RuleId}");
    }

    /// <summary>"PD OK" / "PD DOWN 37 queued" / "PD KEY REJECTED" on one row where it fits, else the queue on the second row.</summary>
    private static LcdPage Uplink(UplinkStatus uplink, int columns, int rows)
    {
        var state = uplink.State switch
        {
            UplinkState.Ok => "PD OK",
            UplinkState.Down => "PD DOWN",
            UplinkState.KeyRejected => "PD KEY REJECTED",
            UplinkState.Refused => "PD REFUSED",
            UplinkState.RelayFault => "PD RELAY FAULT",
            _ => "PD ?",
        };
        if (uplink.State == UplinkState.Unknown)
            return Page("uplink", columns, rows, state, "uplink unknown");
        var queued = $"{uplink.Pending} queued";
        if (uplink.State == UplinkState.Ok && uplink.Pending == 0)
            return Page("uplink", columns, rows, state, "outbox empty");
        var line = $"{state} {queued}";
        return line.Length <= columns ? Page("uplink", columns, rows, line) : Page("uplink", columns, rows, state, queued);
    }

    private static LcdPage Page(string name, int columns, int rows, params string[] lines) =>
        new(name, [.. Enumerable.Range(0, rows).Select(r => LcdText.Fit(r < lines.Length ? lines[r] : "", columns))]);
}
