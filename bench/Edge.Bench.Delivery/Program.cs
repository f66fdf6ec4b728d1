using System.Diagnostics;
using System.Globalization;
using Edge.Core.Alerts;
using Edge.Delivery.Outbox;
using Microsoft.Data.Sqlite;

// Durable enqueue: events/s and bytes written per event, for one setting per run (so strace can count its fsyncs).
//   dotnet Edge.Bench.Delivery.dll MODE EVENTS DIR
// MODE: edge-1     Edge's outbox (WAL, synchronous=FULL), one event per transaction (events arriving one at a time)
//       edge-10    the same, 10 events per transaction (a burst evaluated in one batch)
//       edge-100   the same, 100 per transaction
//       edge-life  edge-1 plus the delivered mark for each event: the whole life of an event on disk
//       naive      rollback journal (journal_mode=DELETE), synchronous=FULL, one event per transaction
//       wal-normal WAL, synchronous=NORMAL, one per transaction: fast but a power cut can lose the last commits
var mode = args[0];
var events = int.Parse(args[1], CultureInfo.InvariantCulture);
var dir = Path.Combine(args[2], mode);
if (Directory.Exists(dir))
    Directory.Delete(dir, recursive: true);
Directory.CreateDirectory(dir);

var sample = new OutboxEvent
{
    Route = "", DedupKey = "dc1-r12/rack-hot/rack-top", Action = EventAction.Trigger, 
    Payload = new()
    {
        Severity = "critical", Summary = "[dc1-r12] rack-top temperature_c is 28.4°C: temperature_c > 27 (clears at 26)",
        Source = "dc1-r12/rack-top", Component = "rack-top", Group = "DC1/R12", Class = "sensor",
    },
    // A typical custom_details: the rule, the condition and ten recent readings.
    DetailsJson = """{"rule":"rack-hot","condition":"temperature_c > 27 (clears at 26)","metric":"temperature_c","unit":"°C","value":"28.4","above":27,"clear_below":26,"recent":[{"time":"2026-11-26T12:00:00Z","value":"28.4"},{"time":"2026-11-26T11:59:50Z","value":"28.1"},{"time":"2026-11-26T11:59:40Z","value":"27.9"},{"time":"2026-11-26T11:59:30Z","value":"27.5"},{"time":"2026-11-26T11:59:20Z","value":"27.2"},{"time":"2026-11-26T11:59:10Z","value":"26.9"},{"time":"2026-11-26T11:59:00Z","value":"26.7"},{"time":"2026-11-26T11:58:50Z","value":"26.6"},{"time":"2026-11-26T11:58:40Z","value":"26.4"},{"time":"2026-11-26T11:58:30Z","value":"26.3"}]}""",
    DetectedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), BootId = "06068634-dc51-4cd0-858d-8ced1d99eb27",
    SinceBoot = TimeSpan.FromHours(3), ClockSynchronized = true,
};
var state = new AlertRecord("rack-hot", "rack-top", "Entity|", AlertPhase.Firing, 638_000_000_000_000_000, 638_000_000_000_000_000, 28.4);

// Schema and warm-up outside the measurement.
OutboxStore.Open(dir, TimeProvider.System).Dispose();
var before = Io();
var watch = Stopwatch.StartNew();
switch (mode)
{
    case "edge-1" or "edge-10" or "edge-100" or "edge-life":
    {
        var batch = mode switch { "edge-10" => 10, "edge-100" => 100, _ => 1 };
        using var store = OutboxStore.Open(dir, TimeProvider.System);
        var list = Enumerable.Repeat(sample, batch).ToList();
        for (var i = 0; i < events; i += batch)
        {
            var ids = store.Commit(list, [state with { PhaseSince = i }], []);
            if (mode == "edge-life")
                store.MarkDelivered(ids[0]);
        }
        break;
    }
    case "naive" or "wal-normal":
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dir, OutboxStore.FileName)};Pooling=False");
        c.Open();
        using (var p = c.CreateCommand())
        {
            p.CommandText = mode == "naive" ? "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            p.ExecuteNonQuery();
        }
        for (var i = 0; i < events; i++)
        {
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            // The same rows as OutboxStore.Commit writes: the event, the incident, the alert state.
            cmd.CommandText = """
                INSERT INTO events (route, dedup_key, action, severity, summary, source, component, grp, class, details, detected_at, boot_id, since_boot_ms, clock_synced, enqueued_at)
                VALUES ('', $d, 'trigger', 'critical', $s, $src, 'rack-top', 'DC1/R12', 'sensor', $det, 638000000000000000, $b, 10800000, 1, 638000000000000000);
                INSERT INTO incidents (dedup_key, route, severity, summary, opened_at) VALUES ($d, '', 'critical', $s, 638000000000000000)
                    ON CONFLICT (dedup_key) DO UPDATE SET summary = excluded.summary;
                INSERT OR REPLACE INTO alert_state VALUES ('rack-hot', 'rack-top', 'Entity|', 2, $i, 1, 28.4);
                """;
            cmd.Parameters.AddWithValue("$d", sample.DedupKey);
            cmd.Parameters.AddWithValue("$s", sample.Payload.Summary);
            cmd.Parameters.AddWithValue("$src", sample.Payload.Source);
            cmd.Parameters.AddWithValue("$det", sample.DetailsJson);
            cmd.Parameters.AddWithValue("$b", sample.BootId);
            cmd.Parameters.AddWithValue("$i", i);
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
        break;
    }
    default:
        throw new ArgumentException($"unknown mode {mode}");
}
watch.Stop();
var after = Io();
var files = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{mode}\tevents={events}\tseconds={watch.Elapsed.TotalSeconds:0.000}\tevents_per_s={events / watch.Elapsed.TotalSeconds:0}\t" +
    $"wchar_per_event={(after.WChar - before.WChar) / (double)events:0}\twrite_bytes_per_event={(after.WriteBytes - before.WriteBytes) / (double)events:0}\tfiles_bytes={files}"));

static (long WChar, long WriteBytes) Io()
{
    long wchar = 0, writeBytes = 0;
    foreach (var line in File.ReadAllLines("/proc/self/io"))
    {
        var parts = line.Split(':', StringSplitOptions.TrimEntries);
        if (parts[0] == "wchar")
            wchar = long.Parse(parts[1], CultureInfo.InvariantCulture);
        if (parts[0] == "write_bytes")
            writeBytes = long.Parse(parts[1], CultureInfo.InvariantCulture);
    }
    return (wchar, writeBytes);
}
