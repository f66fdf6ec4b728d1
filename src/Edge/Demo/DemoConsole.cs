using System.Globalization;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Daemon;
using Microsoft.Extensions.Hosting;

namespace Edge.Demo;

/// <summary>What a person watching the demo wants to see: each sensor's values every couple of seconds, and every alert event as it happens.</summary>
internal sealed class DemoConsole(StatusBoard board, TimeProvider time) : BackgroundService, IAlertEventSink
{
    private static readonly TimeSpan PrintEvery = TimeSpan.FromSeconds(2);

    public int Triggers { get; private set; }
    public int Resolves { get; private set; }

    public void Publish(AlertEvent e)
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
                    // The sensors' climate; inventory and reachability readings change rarely and page by themselves.
                    foreach (var entity in snapshot.Readings.Where(r => r.Metric == Metrics.TemperatureC).Select(r => r.Entity).Distinct())
                    {
                        string Value(string metric) =>
                            snapshot.Readings.FirstOrDefault(r => r.Entity == entity && r.Metric == metric) is { } r ? $"{r.Value,6} {r.Unit}" : "     -";
                        Console.WriteLine($"{Clock(snapshot.Taken)}  {entity,-12} temperature {Value(Metrics.TemperatureC)}  humidity {Value(Metrics.HumidityPct)}  dew point {Value(Metrics.DewPointC)}");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Clock(DateTimeOffset t) => t.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
