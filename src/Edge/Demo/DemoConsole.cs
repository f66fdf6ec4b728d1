using System.Globalization;
using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Delivery.Outbox;
using Microsoft.Extensions.Hosting;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Demo;

/// <summary>
/// What a person watching the demo wants to see: each sensor's values and one line per SNMP device every couple of
/// seconds, and every alert event as it is committed to the outbox (it stands in front of the outbox's writer).
/// </summary>
internal sealed class DemoConsole(StatusBoard board, TimeProvider time, ConfigState config, OutboxWriter outbox) : BackgroundService, IAlertOutbox
{
    private static readonly TimeSpan PrintEvery = TimeSpan.FromSeconds(2);

    // The LCD box every third print (6 s), its pages rotating as on a 20x4 display in the rack.
    private const int LcdEvery = 3;
    private int _prints;
    private int _page;

    public int Triggers { get; private set; }
    public int Resolves { get; private set; }

    public IReadOnlyList<AlertRecord> LoadState() => outbox.LoadState();

    public IEnumerable<string> OpenIncidentKeys() => outbox.OpenIncidentKeys();

    public bool Commit(AlertBatch batch)
    {
        foreach (var e in batch.Events)
            Show(e);
        return outbox.Commit(batch);
    }

    private void Show(AlertEvent e)
    {
        lock (this)
        {
            if (e.Action == EventAction.Trigger)
                Triggers++;
            else
                Resolves++;
            var arrow = e.Action == EventAction.Trigger ? "▲ TRIGGER" : "▼ RESOLVE";
            Console.WriteLine($"{Clock(e.DetectedAt)}  {arrow} {e.Severity.ToString().ToLowerInvariant(),-8} {e.DedupKey}");
            Console.WriteLine($"{"",10}{e.Summary}");
            if (e.SuppressedBy is { } window)
                Console.WriteLine($"{"",10}suppressed by maintenance {window}: recorded, not sent to PagerDuty");
            if (e.Details.Recent.Count > 0)
                Console.WriteLine($"{"",10}recent: {string.Join(" ", e.Details.Recent.Take(6).Select(r => r.Value))} (newest first)");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(PrintEvery, time, stoppingToken);
                var snapshot = board.Current;
                lock (this)
                {
                    foreach (var sensor in config.Current.Sensors)
                    {
                        string Value(string metric) =>
                            snapshot.Readings.FirstOrDefault(r => r.Entity == sensor.Id && r.Metric == metric) is { } r ? $"{r.Text,6} {r.Unit}" : "     -";
                        Console.WriteLine($"{Clock(snapshot.Taken)}  {sensor.Id,-12} temperature {Value(Metrics.TemperatureC)}  humidity {Value(Metrics.HumidityPct)}  dew point {Value(Metrics.DewPointC)}");
                    }
                    foreach (var device in config.Current.Snmp)
                        Console.WriteLine($"{Clock(snapshot.Taken)}  {device.Id,-12} {DeviceLine(snapshot, device.Id)}");
                    if (++_prints % LcdEvery == 0)
                        PrintLcd(snapshot);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The page a 20x4 LCD in the rack shows now, drawn by the real page code (a critical alert takes over the screen).</summary>
    private void PrintLcd(StatusSnapshot snapshot)
    {
        var status = LcdStatus.From(snapshot, board.Uplink, config.Current, "demo", config.Rejection is not null);
        var pages = Display.Pages.StatusPages.Build(status, 20, 4);
        var page = Display.Pages.StatusPages.Critical(status, 20, 4) ?? pages[_page++ % pages.Count];
        Console.WriteLine($"{"",10}┌{new string('─', 20)}┐ LCD: {page.Name}");
        foreach (var row in page.Rows)
            Console.WriteLine($"{"",10}│{row}│");
        Console.WriteLine($"{"",10}└{new string('─', 20)}┘");
    }

    /// <summary>A device in one line: its state, then the headline value of each part (inlet power, bank current, probe temperature …).</summary>
    private static string DeviceLine(StatusSnapshot snapshot, string device)
    {
        var own = snapshot.Readings.Where(r => r.Entity == device || r.Entity.StartsWith(device + "/", StringComparison.Ordinal)).ToList();
        if (own.FirstOrDefault(r => r.Entity == device && r.Metric == Metrics.Reachable) is { Value: 0 })
            return "UNREACHABLE";
        if (own.Count == 0)
            return "-";
        var parts = new List<string>();
        foreach (var metric in new[] { Metrics.OutputSource, Metrics.BatteryChargePct, Metrics.BatteryRuntimeMin, Metrics.LoadPct })
        {
            if (own.FirstOrDefault(r => r.Entity == device && r.Metric == metric) is { } r)
                parts.Add(metric == Metrics.OutputSource ? $"on {r.Text}" : $"{Short(metric)} {r.Text}{(r.Unit == "%" ? "" : " ")}{r.Unit}");
        }
        foreach (var (kind, metrics) in new[] { ("inlet", new[] { Metrics.PowerW }), ("phase", [Metrics.CurrentA]), ("bank", [Metrics.CurrentA]), ("input", [Metrics.VoltageV]), ("sensor", [Metrics.TemperatureC, Metrics.HumidityPct]) })
        {
            foreach (var part in own.Where(r => r.Entity.Contains("/" + kind + "/", StringComparison.Ordinal) && metrics.Contains(r.Metric)).GroupBy(r => r.Entity))
                parts.Add($"{part.Key[(device.Length + 1)..]} {string.Join(" ", part.OrderBy(r => Array.IndexOf(metrics, r.Metric)).Select(r => $"{r.Text}{(r.Unit == "%" ? "" : " ")}{r.Unit}"))}");
        }
        return string.Join(", ", parts);
    }

    private static string Short(string metric) => metric switch
    {
        Metrics.BatteryChargePct => "charge",
        Metrics.BatteryRuntimeMin => "runtime",
        Metrics.LoadPct => "load",
        _ => metric,
    };

    private static string Clock(DateTimeOffset t) => t.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
