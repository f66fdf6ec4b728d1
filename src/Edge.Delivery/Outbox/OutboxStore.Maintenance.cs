namespace Edge.Delivery.Outbox;

/// <summary>Keeping the outbox within bounds over time: retention and the size bound.</summary>
public sealed partial class OutboxStore
{
    /// <summary>
    /// Applies retention and the size bound. Delivered rows go first; then superseded events (all but the newest
    /// pending event of a dedup key) are coalesced; then the oldest pending. A pending critical event is never
    /// dropped: with nothing else left to drop the outbox grows past its bound and says so.
    /// </summary>
    public PruneReport Prune(TimeSpan retention, int maxEvents)
    {
        lock (_gate)
        {
            var cutoff = (_time.GetUtcNow() - retention).UtcTicks;
            using var tx = _connection.BeginTransaction();
            // Suppressed rows (status 3) are records like delivered ones: they leave as housekeeping, not as drops.
            var deliveredRemoved = Execute("DELETE FROM events WHERE status IN (1, 3) AND enqueued_at < $a", cutoff);
            var expired = Execute("DELETE FROM events WHERE status NOT IN (1, 3) AND enqueued_at < $a AND NOT (status = 0 AND severity = 'critical')", cutoff);

            var over = Scalar("SELECT COUNT(*) FROM events") - maxEvents;
            if (over > 0)
                deliveredRemoved += Execute("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE status IN (1, 3) ORDER BY id LIMIT $a)", over);
            over = Scalar("SELECT COUNT(*) FROM events") - maxEvents;
            var coalesced = 0;
            if (over > 0)
            {
                // Only the newest pending event of a dedup key decides what PagerDuty ends up showing.
                coalesced = Execute(
                    "DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE e.status = 0 AND e.severity <> 'critical' " +
                    "AND EXISTS (SELECT 1 FROM events n WHERE n.dedup_key = e.dedup_key AND n.status = 0 AND n.id > e.id) ORDER BY e.id LIMIT $a)", over);
            }
            over = Scalar("SELECT COUNT(*) FROM events") - maxEvents;
            var full = 0;
            if (over > 0)
            {
                full = Execute("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE status = 2 ORDER BY id LIMIT $a)", over);
                over -= full;
            }
            if (over > 0)
                full += Execute("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE status = 0 AND severity <> 'critical' ORDER BY id LIMIT $a)", over);
            var stillOver = Scalar("SELECT COUNT(*) FROM events") > maxEvents;
            AddMeta(MetaDroppedExpired, expired);
            AddMeta(MetaCoalesced, coalesced);
            AddMeta(MetaDroppedFull, full);
            tx.Commit();
            return new PruneReport(deliveredRemoved, expired, coalesced, full, stillOver);
        }
    }
}
