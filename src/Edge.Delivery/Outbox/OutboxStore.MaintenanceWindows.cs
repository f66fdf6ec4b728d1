using System.Globalization;
using Edge.Core.Maintenance;
using Edge.Core.Rules;
using Microsoft.Data.Sqlite;

namespace Edge.Delivery.Outbox;

/// <summary>
/// Maintenance windows, in the database that holds the alert state: written by <c>edge maintenance</c> (its own
/// connection, beside the daemon) and by the rack's button (the daemon's), read by the evaluate stage, which notices
/// a change through <see cref="MaintenanceVersion"/> without a restart.
/// </summary>
public sealed partial class OutboxStore
{
    private const string WindowColumns = "id, selector, rules, starts_at, ends_at, reason, started_by";

    private long _maintenanceWrites;

    /// <summary>
    /// Changes whenever the windows may have changed: PRAGMA data_version moves when another connection (an operator
    /// command) commits, and this connection's own writes are counted here. Cheap enough to ask every batch.
    /// </summary>
    public long MaintenanceVersion()
    {
        lock (_gate)
            return Scalar("PRAGMA data_version") * 1_000_000 + _maintenanceWrites;
    }

    /// <summary>Windows still open, or ended after <paramref name="endedAfter"/>, oldest first.</summary>
    public IReadOnlyList<MaintenanceWindow> MaintenanceWindows(DateTimeOffset endedAfter)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {WindowColumns} FROM maintenance_windows WHERE ends_at > $after ORDER BY id";
            cmd.Parameters.AddWithValue("$after", endedAfter.UtcTicks);
            using var reader = cmd.ExecuteReader();
            var windows = new List<MaintenanceWindow>();
            while (reader.Read())
                windows.Add(ReadWindow(reader));
            return windows;
        }
    }

    public MaintenanceWindow? MaintenanceWindow(long id)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {WindowColumns} FROM maintenance_windows WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? ReadWindow(reader) : null;
        }
    }

    /// <summary>Opens a window from now for <paramref name="duration"/> (the caller checks it against the maximum).</summary>
    public MaintenanceWindow StartMaintenance(Selector selector, IReadOnlyList<string> rules, TimeSpan duration, string reason, string startedBy)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText =
                "INSERT INTO maintenance_windows (selector, rules, starts_at, ends_at, reason, started_by) VALUES ($selector, $rules, $start, $end, $reason, $by) RETURNING id";
            cmd.Parameters.AddWithValue("$selector", Core.Maintenance.MaintenanceWindow.FormatSelector(selector));
            cmd.Parameters.AddWithValue("$rules", string.Join(",", rules));
            cmd.Parameters.AddWithValue("$start", now.UtcTicks);
            cmd.Parameters.AddWithValue("$end", (now + duration).UtcTicks);
            cmd.Parameters.AddWithValue("$reason", reason);
            cmd.Parameters.AddWithValue("$by", startedBy);
            var id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            _maintenanceWrites++;
            return new MaintenanceWindow(id, selector, rules, now, now + duration, reason, startedBy);
        }
    }

    /// <summary>Moves an open window's end to <paramref name="end"/>; false when no open window has that id.</summary>
    public bool SetMaintenanceEnd(long id, DateTimeOffset end, string? endedBy = null)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "UPDATE maintenance_windows SET ends_at = $end, ended_by = COALESCE($by, ended_by) WHERE id = $id AND ends_at > $now";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$end", end.UtcTicks);
            cmd.Parameters.AddWithValue("$now", _time.GetUtcNow().UtcTicks);
            cmd.Parameters.AddWithValue("$by", (object?)endedBy ?? DBNull.Value);
            var changed = cmd.ExecuteNonQuery() == 1;
            _maintenanceWrites++;
            return changed;
        }
    }

    /// <summary>Ends every open window now; returns how many.</summary>
    public int EndAllMaintenance(string endedBy)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "UPDATE maintenance_windows SET ends_at = $now, ended_by = $by WHERE ends_at > $now";
            cmd.Parameters.AddWithValue("$now", _time.GetUtcNow().UtcTicks);
            cmd.Parameters.AddWithValue("$by", endedBy);
            var n = cmd.ExecuteNonQuery();
            _maintenanceWrites++;
            return n;
        }
    }

    private static MaintenanceWindow ReadWindow(SqliteDataReader r) =>
        new(r.GetInt64(0), Core.Maintenance.MaintenanceWindow.ParseSelector(r.GetString(1)), r.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
            Time(r.GetInt64(3)), Time(r.GetInt64(4)), r.GetString(5), r.GetString(6));
}
