using System.Globalization;
using Edge.Core.Alerts;
using Edge.Delivery.Configuration;
using Edge.Delivery.PagerDuty;
using Microsoft.Data.Sqlite;

namespace Edge.Delivery.Outbox;

/// <summary>
/// The outbox and the alert state in one SQLite file (WAL, synchronous=FULL). An event is committed in the same
/// transaction as the alert-state change that produced it, before anything can send it; a commit returns only after
/// the WAL is on disk, so a committed event survives a power cut. One connection, used under a lock by the
/// evaluate thread and the forwarder; operator commands open their own (SQLite serializes the writers).
/// </summary>
public sealed partial class OutboxStore : IDisposable
{
    public const string FileName = "edge.db";

    private const string MetaRecoveryUnpaged = "recovery_unpaged";
    private const string MetaRecovery = "recovery";
    private const string MetaDroppedExpired = "dropped_expired";
    private const string MetaDroppedFull = "dropped_full";
    private const string MetaCoalesced = "coalesced";

    private const string EntryColumns =
        "id, route, dedup_key, action, severity, summary, source, component, grp, class, details, detected_at, boot_id, since_boot_ms, clock_synced, " +
        "status, attempts, enqueued_at, last_attempt_at, delivered_at, last_error, suppressed_by";

    private const string MarkDeliveredSql =
        "UPDATE events SET status = 1, attempts = attempts + 1, last_attempt_at = $at, delivered_at = $at, last_error = NULL WHERE id = $id AND status = 0";

    private const string ParkSql =
        "UPDATE events SET status = 2, attempts = attempts + 1, last_attempt_at = $at, last_error = $error WHERE id = $id AND status = 0";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _openIncident;
    private readonly SqliteCommand _closeIncident;
    private readonly SqliteCommand _upsertState;
    private readonly SqliteCommand _deleteState;
    private TaskCompletionSource _changed = NewSignal();
    private long _highWater;

    private OutboxStore(string path, SqliteConnection connection, TimeProvider time, OutboxRecovery? recovery)
    {
        Path = path;
        _connection = connection;
        _time = time;
        Recovery = recovery;
        _insertEvent = Command(
            "INSERT INTO events (route, dedup_key, action, severity, summary, source, component, grp, class, details, detected_at, boot_id, since_boot_ms, clock_synced, enqueued_at, status, suppressed_by) " +
            "VALUES ($route, $dedup, $action, $severity, $summary, $source, $component, $grp, $class, $details, $detected, $boot, $since, $synced, $enqueued, $status, $suppressed) RETURNING id",
            "$route", "$dedup", "$action", "$severity", "$summary", "$source", "$component", "$grp", "$class", "$details", "$detected", "$boot", "$since", "$synced", "$enqueued", "$status", "$suppressed");
        _openIncident = Command(
            "INSERT INTO incidents (dedup_key, route, severity, summary, opened_at) VALUES ($dedup, $route, $severity, $summary, $at) " +
            "ON CONFLICT (dedup_key) DO UPDATE SET route = excluded.route, severity = excluded.severity, summary = excluded.summary",
            "$dedup", "$route", "$severity", "$summary", "$at");
        _closeIncident = Command("DELETE FROM incidents WHERE dedup_key = $dedup", "$dedup");
        _upsertState = Command(
            "INSERT OR REPLACE INTO alert_state (rule_id, entity, fingerprint, phase, phase_since, fired_at, value) VALUES ($rule, $entity, $fp, $phase, $since, $fired, $value)",
            "$rule", "$entity", "$fp", "$phase", "$since", "$fired", "$value");
        _deleteState = Command("DELETE FROM alert_state WHERE rule_id = $rule AND entity = $entity", "$rule", "$entity");
        _highWater = Scalar("SELECT COALESCE(MAX(detected_at), 0) FROM events");
    }

    public string Path { get; }

    /// <summary>Set when this open found the database corrupt and replaced it.</summary>
    public OutboxRecovery? Recovery { get; }

    /// <summary>
    /// Opens (creating, migrating) the outbox under <paramref name="stateDir"/> after an integrity check. With
    /// <paramref name="repair"/> (the daemon) a database that fails it is moved aside and a fresh one started; without
    /// (operator commands) an <see cref="OutboxCorruptException"/> is thrown and the file is left alone.
    /// </summary>
    public static OutboxStore Open(string stateDir, TimeProvider time, bool repair = true)
    {
        Directory.CreateDirectory(stateDir);
        var path = System.IO.Path.Combine(stateDir, FileName);
        OutboxRecovery? recovery = null;
        SqliteConnection? connection = null;
        string? problem;
        try
        {
            Protect(path);
            connection = Connect(path);
            problem = IntegrityProblem(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB: even the pragmas at open could not read it.
            problem = $"SQLite error {e.SqliteErrorCode}: {e.Message}";
        }
        if (problem is not null)
        {
            connection?.Dispose();
            if (!repair)
                throw new OutboxCorruptException(path, problem);
            recovery = MoveAside(path, problem, time.GetUtcNow());
            Protect(path);
            connection = Connect(path);
        }
        var db = connection!;
        Migrate(db);
        if (recovery is not null)
        {
            // Recorded in the new database itself, so the page about it survives a crash before it is queued.
            using var tx = db.BeginTransaction();
            SetMeta(db, MetaRecovery, $"{recovery.At:O} {recovery.KeptAt}: {recovery.Reason}");
            SetMeta(db, MetaRecoveryUnpaged, $"{recovery.At:O}\n{recovery.KeptAt}\n{recovery.Reason}");
            tx.Commit();
        }
        return new OutboxStore(path, db, time, recovery);
    }

    /// <summary>
    /// Waits until something is committed or changed by an operator (also if that happened since the last wait), or
    /// <paramref name="timeout"/> passes. The forwarder idles here once a second all day, so a timed-out wait only
    /// cancels its timer: a cancelled SemaphoreSlim wait threw and caught an exception inside every time, and its
    /// abandoned waiter could swallow the next signal.
    /// </summary>
    public async Task WaitForChangeAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed);
        if (!changed.Task.IsCompleted)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, cts.Token);
            await Task.WhenAny(delay, changed.Task).ConfigureAwait(false);
            await cts.CancelAsync().ConfigureAwait(false);
        }
        // Consumed: a signal after this point completes the new one. One that lands between seeing this one complete
        // and replacing it is folded into it, and the caller reads the database after this returns, so it sees that
        // change too.
        if (changed.Task.IsCompleted)
            Interlocked.CompareExchange(ref _changed, NewSignal(), changed);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal() => Volatile.Read(ref _changed).TrySetResult();

    /// <summary>
    /// Commits events and the alert-state changes that produced them in one transaction. Detection times never go
    /// backwards: an event stamped earlier than the newest stored one (the wall clock was set back) takes that time.
    /// </summary>
    public IReadOnlyList<long> Commit(IReadOnlyList<OutboxEvent> events, IReadOnlyList<AlertRecord> upserts, IReadOnlyList<(string RuleId, string Entity)> deletes)
    {
        var ids = new long[events.Count];
        lock (_gate)
        {
            var highWater = _highWater;
            var now = _time.GetUtcNow().UtcTicks;
            using (var tx = _connection.BeginTransaction())
            {
                for (var i = 0; i < events.Count; i++)
                {
                    var e = events[i];
                    var detected = Math.Max(e.DetectedAt.UtcTicks, highWater);
                    highWater = detected;
                    ids[i] = Insert(tx, e, detected, now);
                    // A suppressed event is a local record: PagerDuty's incidents are not changed by it.
                    if (e.SuppressedBy is not null)
                        continue;
                    if (e.Action == EventAction.Trigger)
                        Run(_openIncident, tx, e.DedupKey, e.Route, e.Payload.Severity, e.Payload.Summary, detected);
                    else
                        Run(_closeIncident, tx, e.DedupKey);
                }
                foreach (var r in upserts)
                    Run(_upsertState, tx, r.RuleId, r.Entity, r.RuleFingerprint, (int)r.Phase, r.PhaseSince, r.FiredAt, double.IsFinite(r.Value) ? r.Value : null);
                foreach (var (rule, entity) in deletes)
                    Run(_deleteState, tx, rule, entity);
                tx.Commit();
            }
            _highWater = highWater;
        }
        if (events.Any(e => e.SuppressedBy is null))
            Signal();
        return ids;
    }

    private long Insert(SqliteTransaction tx, OutboxEvent e, long detected, long now)
    {
        var p = e.Payload;
        return Run(_insertEvent, tx, e.Route, e.DedupKey, PagerDutyMapping.ActionName(e.Action), p.Severity, p.Summary, p.Source, p.Component, p.Group,
            p.Class, e.DetailsJson, detected, e.BootId, (long)e.SinceBoot.TotalMilliseconds, e.ClockSynchronized ? 1 : 0, now,
            (int)(e.SuppressedBy is null ? OutboxStatus.Pending : OutboxStatus.Suppressed), e.SuppressedBy);
    }

    /// <summary>The persisted state of every alert that was not Ok, for the rule engine to start from.</summary>
    public IReadOnlyList<AlertRecord> LoadAlertState()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT rule_id, entity, fingerprint, phase, phase_since, fired_at, value FROM alert_state";
            using var reader = cmd.ExecuteReader();
            var records = new List<AlertRecord>();
            while (reader.Read())
            {
                records.Add(new AlertRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), (AlertPhase)reader.GetInt32(3),
                    reader.GetInt64(4), reader.GetInt64(5), reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6)));
            }
            return records;
        }
    }

    /// <summary>Forgets every alert's state (<c>edge alerts resolve-all</c>, before an uninstall).</summary>
    public void ClearAlertState()
    {
        lock (_gate)
            Execute("DELETE FROM alert_state");
    }

    /// <summary>
    /// Takes the page about a database replaced at start, once: the caller enqueues it in the same transaction,
    /// through <paramref name="enqueue"/>, so it is neither lost nor queued twice.
    /// </summary>
    public bool TakeUnpagedRecovery(Func<OutboxRecovery, OutboxEvent> build)
    {
        lock (_gate)
        {
            var text = GetMeta(_connection, MetaRecoveryUnpaged);
            if (text is null)
                return false;
            var parts = text.Split('\n', 3);
            var recovery = new OutboxRecovery(parts[1], parts[2], DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture));
            var e = build(recovery);
            using (var tx = _connection.BeginTransaction())
            {
                Insert(tx, e, Math.Max(e.DetectedAt.UtcTicks, _highWater), _time.GetUtcNow().UtcTicks);
                using var delete = _connection.CreateCommand();
                delete.Transaction = tx;
                delete.CommandText = "DELETE FROM meta WHERE key = $k";
                delete.Parameters.AddWithValue("$k", MetaRecoveryUnpaged);
                delete.ExecuteNonQuery();
                tx.Commit();
            }
        }
        Signal();
        return true;
    }

    /// <summary>The routes that have pending events: each is one FIFO lane.</summary>
    public IReadOnlyList<string> PendingRoutes()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            // One index seek per route (the next route after the last one found), where DISTINCT would visit every
            // pending row: the forwarder asks every pass, and an outage can leave maxEvents rows pending.
            cmd.CommandText = """
                WITH RECURSIVE lanes(route) AS (
                    SELECT MIN(route) FROM events WHERE status = 0
                    UNION ALL
                    SELECT (SELECT MIN(route) FROM events WHERE status = 0 AND route > lanes.route) FROM lanes WHERE lanes.route IS NOT NULL)
                SELECT route FROM lanes WHERE route IS NOT NULL
                """;
            using var reader = cmd.ExecuteReader();
            var routes = new List<string>();
            while (reader.Read())
                routes.Add(reader.GetString(0));
            return routes;
        }
    }

    /// <summary>The oldest pending event of a lane: the only one that may be sent (FIFO per routing key).</summary>
    public OutboxEntry? Head(string route)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {EntryColumns} FROM events WHERE status = 0 AND route = $route ORDER BY id LIMIT 1";
            cmd.Parameters.AddWithValue("$route", route);
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        }
    }

    public OutboxEntry? Get(long id)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {EntryColumns} FROM events WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        }
    }

    /// <summary>PagerDuty answered 202. Committed at once, alone: the window in which a crash makes us send it again is this one fsync.</summary>
    public void MarkDelivered(long id)
    {
        lock (_gate)
            Update(MarkDeliveredSql, id, null);
    }

    /// <summary>
    /// <see cref="MarkDelivered(long)"/>, and in the same transaction what PagerDuty now holds open: a delivered trigger
    /// opens its incident under <paramref name="key"/> (an incident already open keeps the key it was opened with), a
    /// delivered resolve closes it.
    /// </summary>
    public void MarkDelivered(OutboxEntry entry, RoutingKey key)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            Update(MarkDeliveredSql, entry.Id, null);
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = entry.Event.Action == EventAction.Trigger
                ? "INSERT INTO incident_keys (dedup_key, route, routing_key) VALUES ($dedup, $route, $key) ON CONFLICT (dedup_key) DO NOTHING"
                : "DELETE FROM incident_keys WHERE dedup_key = $dedup";
            cmd.Parameters.AddWithValue("$dedup", entry.Event.DedupKey);
            cmd.Parameters.AddWithValue("$route", entry.Event.Route);
            cmd.Parameters.AddWithValue("$key", key.Value);
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <summary>The routing key the open incident of <paramref name="dedupKey"/> was triggered with; null when none is open.</summary>
    public RoutingKey? IncidentKey(string dedupKey)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT routing_key FROM incident_keys WHERE dedup_key = $dedup";
            cmd.Parameters.AddWithValue("$dedup", dedupKey);
            return cmd.ExecuteScalar() is string value ? new RoutingKey(value, "the key the incident was triggered with") : null;
        }
    }

    /// <summary>PagerDuty answered 400: kept with its errors for the operator, never retried by itself.</summary>
    public void Park(long id, string error)
    {
        lock (_gate)
            Update(ParkSql, id, error);
    }

    /// <summary>
    /// Parks an event of an incident whose trigger's key PagerDuty no longer takes, and forgets that key in the same
    /// transaction: nothing can close that incident through the Events API now, and a later trigger of the same
    /// alert opens a new one with the route's key instead of meeting the dead key.
    /// </summary>
    public void ParkForgettingIncidentKey(OutboxEntry entry, string error)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            Update(ParkSql, entry.Id, error);
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM incident_keys WHERE dedup_key = $dedup";
            cmd.Parameters.AddWithValue("$dedup", entry.Event.DedupKey);
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <summary>A transient failure: the event stays at the head of its lane.</summary>
    public void RecordFailure(long id, string error)
    {
        lock (_gate)
            Update("UPDATE events SET attempts = attempts + 1, last_attempt_at = $at, last_error = $error WHERE id = $id AND status = 0", id, error);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _insertEvent.Dispose();
            _openIncident.Dispose();
            _closeIncident.Dispose();
            _upsertState.Dispose();
            _deleteState.Dispose();
            _connection.Dispose();
        }
    }

    internal static SqliteConnection Connect(string path)
    {
        // No pooling: a closed connection really closes the file, which moving a corrupt file aside relies on.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        // WAL: readers (operator commands) never block the daemon. synchronous=FULL: in WAL mode NORMAL skips the
        // fsync at commit and a power cut can lose the last commits; FULL makes "committed" mean "on the card".
        // journal_size_limit: after a checkpoint the WAL is truncated instead of staying at its high-water size.
        // page_size 1024 (only a new file takes it, so it comes first): an event's commit touches about six pages
        // (event row, lane index, AUTOINCREMENT's sequence, alert state, incident) and each is written twice (WAL,
        // checkpoint); at 1 KiB instead of 4 KiB that is a quarter of the bytes on the SD card (bench/RESULTS.md).
        cmd.CommandText = "PRAGMA page_size = 1024; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 4194304; PRAGMA foreign_keys = OFF;";
        cmd.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// The database holds the routing keys open incidents were triggered with, so it gets the key file's protection:
    /// owner-only (0600). A new file is created so before SQLite opens it, and SQLite gives its -wal and -shm files the
    /// database file's mode; an existing one (an older Edge, a umask of 022 outside systemd's UMask=0077) loses its
    /// group and other bits. A file owned by another user (an operator command run as root) is left as it is.
    /// </summary>
    private static void Protect(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
        {
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = ownerOnly }))
            {
            }
            return;
        }
        foreach (var file in (string[])[path, path + "-wal", path + "-shm"])
        {
            try
            {
                if (File.Exists(file) && (File.GetUnixFileMode(file) & ~ownerOnly) != 0)
                    File.SetUnixFileMode(file, File.GetUnixFileMode(file) & ownerOnly);
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Null when the database is sound; else why not.</summary>
    private static string? IntegrityProblem(SqliteConnection connection)
    {
        try
        {
            using var cmd = connection.CreateCommand();
            // quick_check: every page and record is well formed, in O(size) without cross-checking index content,
            // which keeps a start on a full outbox on a Pi to about a second.
            cmd.CommandText = "PRAGMA quick_check";
            using var reader = cmd.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read() && lines.Count < 3)
                lines.Add(reader.GetString(0));
            return lines is ["ok"] ? null : "quick_check: " + string.Join("; ", lines);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB
            return $"SQLite error {e.SqliteErrorCode}: {e.Message}";
        }
    }

    private static OutboxRecovery MoveAside(string path, string reason, DateTimeOffset now)
    {
        var keptAt = $"{path}.corrupt-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        for (var n = 1; File.Exists(keptAt); n++)
            keptAt = $"{path}.corrupt-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{n}";
        File.Move(path, keptAt);
        // The WAL belongs to the bad file; a fresh database must not replay it.
        if (File.Exists(path + "-wal"))
            File.Move(path + "-wal", keptAt + "-wal");
        File.Delete(path + "-shm");
        return new OutboxRecovery(keptAt, reason, now);
    }

    private static void Migrate(SqliteConnection connection)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var current = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (current > SchemaMigrations.Latest)
            throw new InvalidOperationException($"the outbox database has schema version {current}, newer than this Edge knows ({SchemaMigrations.Latest}); run the newer Edge or move the database aside");
        for (var v = current; v < SchemaMigrations.Latest; v++)
        {
            using var tx = connection.BeginTransaction();
            using var step = connection.CreateCommand();
            step.Transaction = tx;
            step.CommandText = SchemaMigrations.Steps[v] + $"\nPRAGMA user_version = {v + 1};";
            step.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = p });
        return cmd;
    }

    private static long Run(SqliteCommand cmd, SqliteTransaction tx, params object?[] values)
    {
        cmd.Transaction = tx;
        for (var i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        var result = cmd.ExecuteScalar();
        return result is long id ? id : 0;
    }

    private void Update(string sql, long id, string? error)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$at", _time.GetUtcNow().UtcTicks);
        if (error is not null)
            cmd.Parameters.AddWithValue("$error", error);
        cmd.ExecuteNonQuery();
    }

    private int Execute(string sql, long? a = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        if (a is { } value)
            cmd.Parameters.AddWithValue("$a", value);
        return cmd.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private long MetaLong(string key) => long.TryParse(GetMeta(_connection, key), CultureInfo.InvariantCulture, out var n) ? n : 0;

    private void AddMeta(string key, long n)
    {
        if (n != 0)
            SetMeta(_connection, key, (MetaLong(key) + n).ToString(CultureInfo.InvariantCulture));
    }

    private static string? GetMeta(SqliteConnection connection, string key)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    private static void SetMeta(SqliteConnection connection, string key, string value)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($k, $v)";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    private static OutboxEntry ReadEntry(SqliteDataReader r)
    {
        var e = new OutboxEvent
        {
            Route = r.GetString(1),
            DedupKey = r.GetString(2),
            Action = PagerDutyMapping.ParseAction(r.GetString(3)),
            Payload = new PagerDutyPayload
            {
                Severity = r.GetString(4),
                Summary = r.GetString(5),
                Source = r.GetString(6),
                Component = r.IsDBNull(7) ? null : r.GetString(7),
                Group = r.IsDBNull(8) ? null : r.GetString(8),
                Class = r.IsDBNull(9) ? null : r.GetString(9),
            },
            DetailsJson = r.GetString(10),
            DetectedAt = Time(r.GetInt64(11)),
            BootId = r.GetString(12),
            SinceBoot = TimeSpan.FromMilliseconds(r.GetInt64(13)),
            ClockSynchronized = r.GetInt64(14) != 0,
            SuppressedBy = r.IsDBNull(21) ? null : r.GetInt64(21),
        };
        return new OutboxEntry(r.GetInt64(0), e, (OutboxStatus)r.GetInt32(15), r.GetInt32(16), Time(r.GetInt64(17)),
            r.IsDBNull(18) ? null : Time(r.GetInt64(18)), r.IsDBNull(19) ? null : Time(r.GetInt64(19)), r.IsDBNull(20) ? null : r.GetString(20));
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
