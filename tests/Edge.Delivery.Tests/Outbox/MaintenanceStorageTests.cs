using Edge.Core.Alerts;
using Edge.Core.Maintenance;
using Edge.Delivery.Outbox;
using Edge.Delivery.Tests.Support;
using Microsoft.Data.Sqlite;
using static Edge.Delivery.Tests.Support.Pipeline;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>Maintenance windows and suppressed events in the outbox database (schema 3), against the real emulator.</summary>
public class MaintenanceStorageTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_suppressed_event_is_recorded_with_its_window_never_sent_and_leaves_PagerDutys_incidents_alone()
    {
        await using var p = new Pipeline();
        var t = p.Time.GetUtcNow();
        p.Publish(Event(EventAction.Trigger, "s1", t) with { SuppressedBy = 7 });
        p.Publish(Event(EventAction.Resolve, "s1", t) with { SuppressedBy = 7 });
        p.Publish(Event(EventAction.Trigger, "s2", t));

        await p.PumpUntilIdleAsync();

        Assert.Equal(["dc1-r12/rack-hot/s2"], p.Emulator.Received.Select(r => r.DedupKey));
        var rows = p.Store.All();
        Assert.Equal([OutboxStatus.Suppressed, OutboxStatus.Suppressed, OutboxStatus.Delivered], rows.Select(e => e.Status));
        Assert.Equal([7L, 7L, null], rows.Select(e => e.Event.SuppressedBy));
        Assert.Equal(["dc1-r12/rack-hot/s2"], p.Store.OpenIncidents().Select(i => i.DedupKey));
        var counts = p.Store.Counts();
        Assert.Equal((0L, 1L, 2L), (counts.Pending, counts.Delivered, counts.Suppressed));
        Assert.Contains(p.Store.List(), e => e.Status == OutboxStatus.Suppressed);
    }

    [Fact]
    public async Task Suppressed_records_leave_by_retention_as_housekeeping_not_counted_as_dropped_events()
    {
        await using var p = new Pipeline();
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()) with { SuppressedBy = 1 });
        p.Time.Advance(TimeSpan.FromDays(8));

        var report = p.Store.Prune(TimeSpan.FromDays(7), 100_000);

        Assert.Equal((1, 0), (report.DeliveredRemoved, report.ExpiredDropped));
        Assert.Empty(p.Store.All());
        Assert.Equal(0, p.Store.Counts().DroppedExpired);
    }

    [Fact]
    public async Task Windows_are_started_ended_and_extended_and_kept_after_their_end()
    {
        await using var p = new Pipeline();
        var start = p.Time.GetUtcNow();
        var pdu = p.Store.StartMaintenance(MaintenanceWindow.ParseSelector("pdu-1,ups-*"), ["ups-on-battery"], 2 * Hour, "PSU swap", "alice");
        var all = p.Store.StartMaintenance(MaintenanceWindow.ParseSelector("*"), [], Hour, "re-cabling", "bob");

        Assert.True(p.Store.SetMaintenanceEnd(pdu.Id, pdu.End + Hour));
        p.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, p.Store.EndAllMaintenance("carol"));
        Assert.False(p.Store.SetMaintenanceEnd(all.Id, start + 5 * Hour));

        var kept = p.Store.MaintenanceWindows(start);
        Assert.Equal([pdu.Id, all.Id], kept.Select(w => w.Id));
        Assert.Equal(["pdu-1", "ups-*"], kept[0].Selector.Patterns);
        Assert.Equal(["ups-on-battery"], kept[0].Rules);
        Assert.Equal(("PSU swap", "alice", start), (kept[0].Reason, kept[0].StartedBy, kept[0].Start));
        Assert.All(kept, w => Assert.Equal(start + TimeSpan.FromMinutes(10), w.End));
        Assert.Empty(p.Store.MaintenanceWindows(p.Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_window_written_by_another_connection_changes_the_version_the_daemon_watches()
    {
        await using var p = new Pipeline();
        var before = p.Store.MaintenanceVersion();
        Assert.Equal(before, p.Store.MaintenanceVersion());

        using (var operatorCommand = OutboxStore.Open(p.StateDir, p.Time, repair: false))
            operatorCommand.StartMaintenance(MaintenanceWindow.ParseSelector("*"), [], Hour, "PSU swap", "alice");

        var after = p.Store.MaintenanceVersion();
        Assert.NotEqual(before, after);
        Assert.Single(p.Store.MaintenanceWindows(p.Time.GetUtcNow()));
        p.Store.SetMaintenanceEnd(1, p.Time.GetUtcNow());
        Assert.NotEqual(after, p.Store.MaintenanceVersion());
    }

    [Fact]
    public void A_version_2_database_is_migrated_to_3_keeping_its_events_with_no_window_and_nothing_suppressed()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, OutboxStore.FileName);
        using (var v2 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v2.Open();
            using var cmd = v2.CreateCommand();
            cmd.CommandText = SchemaMigrations.Steps[0] + SchemaMigrations.Steps[1] + """
                PRAGMA user_version = 2;
                INSERT INTO events (route, dedup_key, action, severity, summary, source, details, detected_at, enqueued_at)
                VALUES ('', 'dc1/rack-hot/s1', 'trigger', 'critical', 's1 hot', 'dc1', '{}', 638000000000000000, 638000000000000000);
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = OutboxStore.Open(dir.Path, TimeProvider.System);

        var entry = Assert.Single(store.All());
        Assert.Equal((OutboxStatus.Pending, (long?)null), (entry.Status, entry.Event.SuppressedBy));
        Assert.Empty(store.MaintenanceWindows(DateTimeOffset.MinValue));
    }
}
