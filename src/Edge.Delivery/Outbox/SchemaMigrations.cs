namespace Edge.Delivery.Outbox;

/// <summary>
/// The outbox schema, one step per version (PRAGMA user_version). A database written by an older Edge is brought up
/// step by step at open; each step runs in the transaction that records its version, so a crash mid-upgrade leaves
/// the previous version intact. Never edit a released step: add one.
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: the outbox, the alert state, and counters.
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        -- AUTOINCREMENT: an id is never reused after a delete, so it names one event for its whole life.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            route TEXT NOT NULL,
            dedup_key TEXT NOT NULL,
            action TEXT NOT NULL,
            severity TEXT NOT NULL,
            summary TEXT NOT NULL,
            source TEXT NOT NULL,
            component TEXT,
            grp TEXT,
            class TEXT,
            details TEXT NOT NULL,
            detected_at INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL,
            status INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_at INTEGER,
            delivered_at INTEGER,
            last_error TEXT);
        CREATE INDEX events_by_lane ON events (status, route, id);
        CREATE TABLE alert_state (
            rule_id TEXT NOT NULL,
            entity TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            phase INTEGER NOT NULL,
            phase_since INTEGER NOT NULL,
            fired_at INTEGER NOT NULL,
            value REAL,
            PRIMARY KEY (rule_id, entity)) WITHOUT ROWID;
        """,
        // 2: detection on three clocks (a Pi has no RTC), and the incidents Edge holds open at PagerDuty.
        """
        ALTER TABLE events ADD COLUMN boot_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN since_boot_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN clock_synced INTEGER NOT NULL DEFAULT 1;
        CREATE TABLE incidents (
            dedup_key TEXT PRIMARY KEY,
            route TEXT NOT NULL,
            severity TEXT NOT NULL,
            summary TEXT NOT NULL,
            opened_at INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO incidents (dedup_key, route, severity, summary, opened_at)
            SELECT e.dedup_key, e.route, e.severity, e.summary, e.detected_at FROM events e
            WHERE e.action = 'trigger' AND e.id = (SELECT MAX(id) FROM events l WHERE l.dedup_key = e.dedup_key);
        """,
        // 3 (incident routing keys): the routing key each incident open at PagerDuty was triggered with, since PagerDuty
        // drops an acknowledge or resolve sent with another key, so its resolve still closes it after the route's key is
        // rotated. The only secret in the database: the file is kept owner-only, as the key file is (OutboxStore.Protect).
        // Incidents opened before this step have no row; their resolves go with the route's key, as before.
        """
        CREATE TABLE incident_keys (
            dedup_key TEXT PRIMARY KEY,
            route TEXT NOT NULL,
            routing_key TEXT NOT NULL) WITHOUT ROWID;
        """,
        // 4 (maintenance windows): the windows, kept after they end (an alert held by one is matched to it
        // after a restart), and events a window held back, recorded (status 3) and never sent.
        """
        CREATE TABLE maintenance_windows (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            selector TEXT NOT NULL,
            rules TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            started_by TEXT NOT NULL,
            ended_by TEXT);
        CREATE INDEX maintenance_windows_by_end ON maintenance_windows (ends_at);
        ALTER TABLE events ADD COLUMN suppressed_by INTEGER;
        """,
        // 5 (the stored summary is the one sent): PagerDuty requires payload.summary, and PagerDutyMapping writes the
        // dedup key where a template rendered nothing. A row queued with an empty summary gets the same.
        """
        UPDATE events SET summary = dedup_key WHERE summary = '';
        """,
        // 6 (the stored summary fits): a row queued before PagerDutyMapping cut summaries when queueing (edge alerts
        // resolve-all's prefix before a 1024-character incident summary) is cut as the mapping cuts, since the request
        // builder sends what is stored and PagerDuty rejects a summary over 1024 characters (400, the event parked).
        """
        UPDATE events SET summary = substr(summary, 1, 1023) || '…' WHERE length(summary) > 1024;
        """,
    ];

    public static int Latest => Steps.Count;
}
