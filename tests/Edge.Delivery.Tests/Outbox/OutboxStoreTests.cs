using Edge.Core.Alerts;
using Edge.Core.Rules;
using Edge.Delivery.Clock;
using Edge.Delivery.Configuration;
using Edge.Delivery.Outbox;
using Edge.Delivery.PagerDuty;
using Edge.Delivery.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Outbox;

public class OutboxStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private static OutboxEvent Event(string entity, EventAction action = EventAction.Trigger, string severity = "warning", DateTimeOffset? at = null, bool synced = true, TimeSpan? sinceBoot = null) => new()
    {
        Route = "", DedupKey = $"dc1/rack-hot/{entity}", Action = action, Payload = new() { Severity = severity, Summary = $"{entity} {action}", Source = "dc1" },
       
        DetailsJson = "{}", DetectedAt = at ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), BootId = "boot-1",
        SinceBoot = sinceBoot ?? TimeSpan.FromMinutes(5), ClockSynchronized = synced,
    };

    private static AlertRecord Firing(string entity) => new("rack-hot", entity, "Entity|", AlertPhase.Firing, 1, 2, 28.5);

    [Fact]
    public void An_event_and_the_alert_state_that_produced_it_are_committed_together_and_survive_a_reopen()
    {
        using (var store = OutboxStore.Open(_dir.Path, _time))
            store.Commit([Event("s1")], [Firing("s1")], []);

        using var reopened = OutboxStore.Open(_dir.Path, _time);
        Assert.Equal("dc1/rack-hot/s1", Assert.Single(reopened.All()).Event.DedupKey);
        Assert.Equal(AlertPhase.Firing, Assert.Single(reopened.LoadAlertState()).Phase);
        Assert.Equal("dc1/rack-hot/s1", Assert.Single(reopened.OpenIncidents()).DedupKey);
    }

    [Fact]
    public void The_database_is_in_WAL_mode_with_full_synchronous_commits()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        using var connection = OutboxStore.Connect(store.Path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, cmd.ExecuteScalar()); // FULL
    }

    [Fact]
    public void A_new_database_uses_1_KiB_pages_so_a_commit_writes_less_to_the_card_and_an_old_4_KiB_one_still_opens()
    {
        using (var store = OutboxStore.Open(_dir.Path, _time))
            Assert.Equal(1024L, PageSize(store.Path));

        using var old = new TempDir();
        var path = Path.Combine(old.Path, OutboxStore.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x);";
            cmd.ExecuteNonQuery();
        }
        using (var store = OutboxStore.Open(old.Path, _time))
        {
            store.Commit([Event("s1")], [Firing("s1")], []);
            Assert.Equal(4096L, PageSize(store.Path));
        }
    }

    private static long PageSize(string path)
    {
        using var connection = OutboxStore.Connect(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA page_size";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void A_database_written_by_schema_version_1_opens_and_is_migrated_keeping_its_events()
    {
        var path = Path.Combine(_dir.Path, OutboxStore.FileName);
        using (var v1 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v1.Open();
            using var cmd = v1.CreateCommand();
            cmd.CommandText = SchemaMigrations.Steps[0] + """
                PRAGMA user_version = 1;
                INSERT INTO events (route, dedup_key, action, severity, summary, source, details, detected_at, enqueued_at)
                VALUES ('', 'dc1/rack-hot/s1', 'trigger', 'critical', 's1 hot', 'dc1', '{}', 638000000000000000, 638000000000000000);
                INSERT INTO alert_state VALUES ('rack-hot', 's1', 'Entity|', 2, 1, 2, 28.5);
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = OutboxStore.Open(_dir.Path, _time);

        var entry = Assert.Single(store.All());
        Assert.Equal(OutboxStatus.Pending, entry.Status);
        Assert.True(entry.Event.ClockSynchronized);
        Assert.Equal("dc1/rack-hot/s1", Assert.Single(store.OpenIncidents()).DedupKey);
        Assert.Single(store.LoadAlertState());
        using var check = OutboxStore.Connect(store.Path);
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SchemaMigrations.Latest, version.ExecuteScalar());
    }

    [Fact]
    public void The_lanes_are_the_routes_with_pending_events_and_the_oldest_pending_is_the_oldest_of_their_heads()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        // ids 1..6 in this order; "power" has only delivered events once 3 is delivered, "power-b" only a parked one.
        var ids = store.Commit([
            Event("s1") with { Route = "zeta" },
            Event("s2"),
            Event("s3") with { Route = "power" },
            Event("s4") with { Route = "power-b" },
            Event("s5") with { Route = "zeta" },
            Event("s6"),
        ], [], []);
        store.MarkDelivered(ids[0]);
        store.MarkDelivered(ids[2]);
        store.Park(ids[3], "400 invalid event");

        Assert.Equal(["", "zeta"], store.PendingRoutes());
        Assert.Equal(ids[1], store.OldestPending()!.Id);

        store.MarkDelivered(ids[1]);
        Assert.Equal(ids[4], store.OldestPending()!.Id);
    }

    [Fact]
    public void An_event_queued_with_an_empty_summary_is_sent_with_its_dedup_key_as_the_summary_after_the_upgrade()
    {
        var path = Path.Combine(_dir.Path, OutboxStore.FileName);
        using (var v4 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v4.Open();
            using var cmd = v4.CreateCommand();
            cmd.CommandText = string.Concat(SchemaMigrations.Steps.Take(4)) + """
                PRAGMA user_version = 4;
                INSERT INTO events (route, dedup_key, action, severity, summary, source, details, detected_at, enqueued_at)
                VALUES ('', 'dc1/rack-hot', 'trigger', 'warning', '', 'dc1', '{}', 638000000000000000, 638000000000000000);
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = OutboxStore.Open(_dir.Path, _time);

        var entry = Assert.Single(store.All());
        Assert.Equal("dc1/rack-hot", entry.Event.Payload.Summary);
        var body = PagerDutyRequestBuilder.Build(entry, new RoutingKey(Support.Pipeline.Key, "test"), new DetectionTime(null, null));
        Assert.Empty(Emulators.PagerDuty.EventValidator.Validate(body));
    }

    [Fact]
    public void An_event_queued_with_a_summary_over_1024_characters_is_sent_cut_to_1024_after_the_upgrade()
    {
        // Before the mapping cut the summary when it was queued, edge alerts resolve-all queued its prefix plus the
        // incident's summary (up to 1024 characters) whole, and the request builder cut it at send time. A row like that
        // still pending at the upgrade must not go out whole: PagerDuty rejects a summary over 1024 characters
        // (spec/pagerduty-events-v2.md: "'summary' is too long"), and the resolve would be parked, its incident left open.
        var path = Path.Combine(_dir.Path, OutboxStore.FileName);
        var queued = "resolved by the operator (edge alerts resolve-all): " + new string('x', 1024);
        using (var v4 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v4.Open();
            using var cmd = v4.CreateCommand();
            cmd.CommandText = string.Concat(SchemaMigrations.Steps.Take(4)) + $$"""
                PRAGMA user_version = 4;
                INSERT INTO events (route, dedup_key, action, severity, summary, source, details, detected_at, enqueued_at)
                VALUES ('', 'dc1/rack-hot', 'resolve', 'warning', '{{queued}}', 'dc1', '{}', 638000000000000000, 638000000000000000);
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = OutboxStore.Open(_dir.Path, _time);

        // 52 characters of prefix + 1024 = 1076, cut as PagerDutyMapping cuts: the first 1023 characters and "…" = 1024.
        var entry = Assert.Single(store.All());
        Assert.Equal(queued[..1023] + "…", entry.Event.Payload.Summary);
        var body = PagerDutyRequestBuilder.Build(entry, new RoutingKey(Support.Pipeline.Key, "test"), new DetectionTime(null, null));
        Assert.Empty(Emulators.PagerDuty.EventValidator.Validate(body));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8192)]
    public void A_corrupt_database_is_kept_aside_a_fresh_one_started_and_the_fact_paged_once(int offset)
    {
        using (var store = OutboxStore.Open(_dir.Path, _time))
        {
            var many = Enumerable.Range(0, 300).Select(i => Event($"s{i}") with { DetailsJson = $"{{\"pad\":\"{new string('x', 200)}\"}}" }).ToList();
            store.Commit(many, [], []);
        }
        Corrupt(Path.Combine(_dir.Path, OutboxStore.FileName), offset);

        Assert.Throws<OutboxCorruptException>(() => OutboxStore.Open(_dir.Path, _time, repair: false));
        using var fresh = OutboxStore.Open(_dir.Path, _time);

        Assert.NotNull(fresh.Recovery);
        Assert.True(File.Exists(fresh.Recovery!.KeptAt));
        Assert.Empty(fresh.All());
        Assert.NotNull(fresh.Counts().Recovery);
        Assert.True(fresh.TakeUnpagedRecovery(r => Event("outbox-replaced") with { Payload = new() { Severity = "warning", Summary = r.KeptAt, Source = "dc1" } }));
        Assert.False(fresh.TakeUnpagedRecovery(r => Event("outbox-replaced")));
        Assert.Single(fresh.All());
    }

    internal static void Corrupt(string path, int offset)
    {
        // Checkpoint first, so the damage is in the main file and not only in a WAL that SQLite would replay.
        using (var c = OutboxStore.Connect(path))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = offset;
        var garbage = new byte[4096];
        new Random(1).NextBytes(garbage);
        file.Write(garbage);
    }

    [Fact]
    public void Detection_times_never_go_backwards_when_the_wall_clock_is_set_back()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        var t = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        store.Commit([Event("s1", at: t), Event("s2", at: t - TimeSpan.FromMinutes(10)), Event("s3", at: t + TimeSpan.FromSeconds(1))], [], []);

        Assert.Equal([t, t, t + TimeSpan.FromSeconds(1)], store.All().Select(e => e.Event.DetectedAt));
    }

    [Fact]
    public void The_database_holds_incident_keys_so_it_is_owner_only_like_the_key_file_even_one_made_under_a_loose_umask()
    {
        // An older Edge's file, made outside systemd (umask 022): readable by all.
        using (var old = OutboxStore.Open(_dir.Path, _time))
            old.Commit([Event("s1")], [], []);
        foreach (var file in Directory.GetFiles(_dir.Path, "edge.db*"))
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var store = OutboxStore.Open(_dir.Path, _time);
        store.MarkDelivered(store.All()[0], new Delivery.Configuration.RoutingKey(Pipeline.Key, "test"));

        var files = Directory.GetFiles(_dir.Path, "edge.db*");
        Assert.Contains(files, f => f.EndsWith("edge.db-wal", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.Equal(Pipeline.Key, store.IncidentKey("dc1/rack-hot/s1")!.Value);
    }

    [Fact]
    public void A_new_database_is_created_owner_only()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        store.Commit([Event("s1")], [], []);

        Assert.All(Directory.GetFiles(_dir.Path, "edge.db*"), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void Retention_drops_old_undelivered_events_but_never_a_pending_critical_and_counts_the_loss()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        store.Commit([Event("warn"), Event("crit", severity: "critical"), Event("done")], [], []);
        store.MarkDelivered(store.All()[2].Id);
        _time.Advance(TimeSpan.FromDays(8));
        store.Commit([Event("new")], [], []);

        var report = store.Prune(TimeSpan.FromDays(7), 100_000);

        Assert.Equal(1, report.DeliveredRemoved);
        Assert.Equal(1, report.ExpiredDropped);
        Assert.Equal(["dc1/rack-hot/crit", "dc1/rack-hot/new"], store.All().Select(e => e.Event.DedupKey));
        Assert.Equal(1, store.Counts().DroppedExpired);
    }

    [Fact]
    public void When_full_delivered_rows_go_first_then_superseded_events_are_coalesced_then_the_oldest_pending_but_never_a_critical()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        store.Commit([Event("a"), Event("b")], [], []);
        foreach (var e in store.All())
            store.MarkDelivered(e.Id);
        store.Commit([
            Event("flap"), Event("flap", EventAction.Resolve), Event("flap"),
            Event("crit", severity: "critical"), Event("crit", EventAction.Resolve, severity: "critical"),
            Event("x"), Event("y"), Event("z"),
        ], [], []);

        var report = store.Prune(TimeSpan.FromDays(7), 6);

        Assert.Equal(2, report.DeliveredRemoved);
        Assert.Equal(2, report.Coalesced);
        Assert.Equal(0, report.FullDropped);
        Assert.Equal(["flap", "crit", "crit", "x", "y", "z"], store.All().Select(e => e.Event.DedupKey.Split('/')[^1]));
        Assert.Equal(EventAction.Trigger, store.All()[0].Event.Action);

        report = store.Prune(TimeSpan.FromDays(7), 3);
        Assert.Equal(3, report.FullDropped);
        Assert.Equal(["crit", "crit", "z"], store.All().Select(e => e.Event.DedupKey.Split('/')[^1]));

        report = store.Prune(TimeSpan.FromDays(7), 1);
        Assert.True(report.OverBoundWithCriticals);
        Assert.Equal(["crit", "crit"], store.All().Select(e => e.Event.DedupKey.Split('/')[^1]));
        var counts = store.Counts();
        Assert.Equal(2, counts.Coalesced);
        Assert.Equal(4, counts.DroppedFull);
    }

    [Fact]
    public void A_parked_event_can_be_retried_unless_a_later_event_of_its_dedup_key_was_delivered()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        store.Commit([Event("s1"), Event("s2"), Event("s2", EventAction.Resolve)], [], []);
        var all = store.All();
        store.Park(all[0].Id, "400 invalid");
        store.Park(all[1].Id, "400 invalid");
        store.MarkDelivered(all[2].Id);

        Assert.True(store.Retry(all[0].Id));
        Assert.Null(store.Retry(all[1].Id));
        Assert.Equal(OutboxStatus.Pending, store.Get(all[0].Id)!.Status);
        Assert.Equal(OutboxStatus.Parked, store.Get(all[1].Id)!.Status);
    }
}
