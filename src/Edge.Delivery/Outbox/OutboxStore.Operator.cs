using System.Globalization;
using Edge.Delivery.Configuration;

namespace Edge.Delivery.Outbox;

/// <summary>What operator commands (<c>edge queue</c>, <c>edge alerts</c>) and the status page ask of the outbox.</summary>
public sealed partial class OutboxStore
{
    /// <summary>
    /// Puts a parked event back in its lane. Refused (null) when a later event of the same dedup key has been
    /// delivered: resending an old trigger after its resolve would reopen an incident nothing will close.
    /// </summary>
    public bool? Retry(long id)
    {
        bool? result;
        lock (_gate)
        {
            using var later = _connection.CreateCommand();
            later.CommandText = "SELECT COUNT(*) FROM events l JOIN events e ON e.id = $id WHERE l.dedup_key = e.dedup_key AND l.id > e.id AND l.status = 1 AND e.action = 'trigger'";
            later.Parameters.AddWithValue("$id", id);
            if (Convert.ToInt64(later.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                return null;
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "UPDATE events SET status = 0, last_error = 'retried by the operator (was: ' || COALESCE(last_error, '') || ')' WHERE id = $id AND status = 2";
            cmd.Parameters.AddWithValue("$id", id);
            result = cmd.ExecuteNonQuery() == 1;
        }
        Signal();
        return result;
    }

    /// <summary>Every parked event back in its lane (except those <see cref="Retry"/> refuses); returns how many.</summary>
    public int RetryAllParked()
    {
        var ids = new List<long>();
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id FROM events WHERE status = 2 ORDER BY id";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                ids.Add(reader.GetInt64(0));
        }
        return ids.Count(id => Retry(id) == true);
    }

    public int PurgeDelivered()
    {
        lock (_gate)
            return Execute("DELETE FROM events WHERE status = 1");
    }

    /// <summary>Pending, parked, and the <paramref name="recentDelivered"/> most recently delivered or suppressed events, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> List(int recentDelivered = 20)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText =
                $"SELECT {EntryColumns} FROM events WHERE status IN (0, 2) OR id IN (SELECT id FROM events WHERE status IN (1, 3) ORDER BY id DESC LIMIT $n) ORDER BY id";
            cmd.Parameters.AddWithValue("$n", recentDelivered);
            using var reader = cmd.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
                entries.Add(ReadEntry(reader));
            return entries;
        }
    }

    /// <summary>Every event in id order, whatever its status (tests and diagnostics).</summary>
    public IReadOnlyList<OutboxEntry> All()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {EntryColumns} FROM events ORDER BY id";
            using var reader = cmd.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
                entries.Add(ReadEntry(reader));
            return entries;
        }
    }

    /// <summary>The incidents Edge has triggered and not resolved, by dedup key.</summary>
    public IReadOnlyList<(string DedupKey, string Route, string Severity, string Summary, DateTimeOffset OpenedAt)> OpenIncidents()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT dedup_key, route, severity, summary, opened_at FROM incidents ORDER BY opened_at, dedup_key";
            using var reader = cmd.ExecuteReader();
            var list = new List<(string, string, string, string, DateTimeOffset)>();
            while (reader.Read())
                list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Time(reader.GetInt64(4))));
            return list;
        }
    }

    /// <summary>The oldest pending event of any lane: how long the outbox has been holding something back.</summary>
    public OutboxEntry? OldestPending()
    {
        // The oldest of the lanes' heads: an index seek each, where ORDER BY id over every pending row would sort them all.
        OutboxEntry? oldest = null;
        foreach (var route in PendingRoutes())
        {
            if (Head(route) is { } head && (oldest is null || head.Id < oldest.Id))
                oldest = head;
        }
        return oldest;
    }

    /// <summary>
    /// Open incidents whose trigger went out with a key their route no longer has (rotated, or the route removed):
    /// their resolves still go with that key. Routes are named; the keys stay here.
    /// </summary>
    public IReadOnlyList<(string DedupKey, string Route)> OpenUnderRetiredKey(DeliveryOptions options)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT dedup_key, route, routing_key FROM incident_keys ORDER BY dedup_key";
            using var reader = cmd.ExecuteReader();
            var list = new List<(string, string)>();
            while (reader.Read())
            {
                if (options.KeyFor(reader.GetString(1))?.Value != reader.GetString(2))
                    list.Add((reader.GetString(0), reader.GetString(1)));
            }
            return list;
        }
    }

    public OutboxCounts Counts()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            // Only what the index (status, route, id) holds: the forwarder asks every pass, with up to maxEvents rows.
            cmd.CommandText = "SELECT status, COUNT(*) FROM events GROUP BY status";
            using var reader = cmd.ExecuteReader();
            long pending = 0, parked = 0, delivered = 0, suppressed = 0;
            while (reader.Read())
            {
                var n = reader.GetInt64(1);
                switch ((OutboxStatus)reader.GetInt32(0))
                {
                    case OutboxStatus.Pending:
                        pending = n;
                        break;
                    case OutboxStatus.Parked:
                        parked = n;
                        break;
                    case OutboxStatus.Suppressed:
                        suppressed = n;
                        break;
                    default:
                        delivered = n;
                        break;
                }
            }
            return new OutboxCounts(pending, parked, delivered, MetaLong(MetaDroppedExpired), MetaLong(MetaDroppedFull), MetaLong(MetaCoalesced),
                GetMeta(_connection, MetaRecovery)) { Suppressed = suppressed };
        }
    }
}
