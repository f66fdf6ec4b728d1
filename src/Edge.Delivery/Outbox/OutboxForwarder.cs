using Edge.Delivery.Clock;
using Edge.Delivery.Configuration;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Delivery.Outbox;

/// <summary>
/// Drains the outbox to the connector, one FIFO lane per route: only a lane's oldest pending event is ever sent, so
/// a resolve can never overtake its trigger. 202 → delivered (committed at once); 400 → parked; anything transient →
/// that lane backs off (<see cref="BackoffPolicy"/>; a 429 on its throttle schedule) and retries the same event,
/// forever while within retention.
/// <see cref="PumpAsync"/> is one pass; the hosted loop calls it and sleeps until the next thing is due, so tests
/// drive the same code with a fake clock.
/// </summary>
public sealed class OutboxForwarder(
    OutboxStore store,
    DeliveryOptions options,
    PagerDutyClient client,
    IBootClock bootClock,
    IClockSyncSource clockSync,
    TimeProvider time,
    Random random,
    ILogger<OutboxForwarder> logger) : BackgroundService
{
    /// <summary>Operator commands in another process change the database without waking us: look this often.</summary>
    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan HousekeepingEvery = TimeSpan.FromMinutes(1);

    /// <summary>A lane sends at most this many in one pass, so one busy route cannot starve another.</summary>
    private const int MaxPerLanePerPass = 50;
    private const int MaxErrorLength = 504; // "400 " and 500 characters of the answer

    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _statusGate = new();
    private bool _clockSynced;
    private DateTimeOffset _nextHousekeeping = DateTimeOffset.MinValue;
    private DeliveryStatus _status = new(null, null, 0, null);

    /// <summary>The state dir whose lock this forwarder must hold to send; null when the caller holds it already.</summary>
    public string? LockStateDir { get; init; }

    /// <summary>The uplink as the status page shows it.</summary>
    public DeliveryStatus Status
    {
        get
        {
            lock (_statusGate)
                return _status;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var held = LockStateDir is null ? null : ForwarderLock.TryAcquire(LockStateDir);
        if (LockStateDir is not null && held is null)
        {
            DeliveryLog.NotForwarding(logger, LockStateDir, ForwarderLock.FileName);
            return;
        }
        DeliveryLog.Forwarding(logger, client.Endpoint.GetLeftPart(UriPartial.Path));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await PumpAsync(stoppingToken).ConfigureAwait(false);
                var wait = next - time.GetUtcNow();
                if (wait > IdlePoll)
                    wait = IdlePoll;
                if (wait > TimeSpan.Zero)
                    await store.WaitForChangeAsync(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends what is due in every lane; returns when something is next due (a lane's back-off, a held event).</summary>
    public async Task<DateTimeOffset> PumpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        CheckClock();
        if (now >= _nextHousekeeping)
        {
            _nextHousekeeping = now + HousekeepingEvery;
            Housekeeping();
        }
        var next = now + IdlePoll;
        foreach (var route in store.PendingRoutes())
        {
            var due = await DrainLaneAsync(route, cancellationToken).ConfigureAwait(false);
            if (due < next)
                next = due;
        }
        return next;
    }

    private async Task<DateTimeOffset> DrainLaneAsync(string route, CancellationToken cancellationToken)
    {
        if (!_lanes.TryGetValue(route, out var lane))
            _lanes[route] = lane = new Lane();
        for (var sent = 0; sent < MaxPerLanePerPass; sent++)
        {
            var now = time.GetUtcNow();
            if (lane.NotBefore > now)
                return lane.NotBefore;
            var head = store.Head(route);
            if (head is null)
                return DateTimeOffset.MaxValue;
            var key = options.KeyFor(route);
            if (key is null)
            {
                if (!lane.ReportedNoKey)
                    DeliveryLog.NoKey(logger, route.Length == 0 ? "(default)" : route);
                lane.ReportedNoKey = true;
                lane.NotBefore = now + TimeSpan.FromMinutes(1);
                return lane.NotBefore;
            }
            if (HeldForClock(head.Event) is { } heldUntil)
                return heldUntil;

            // Stored times never go backwards; sent ones must not either, even after a re-stamp.
            var timestamp = head.Event.DetectedAt < lane.LastSent ? lane.LastSent : head.Event.DetectedAt;
            var body = PagerDutyRequestBuilder.Build(head, key, timestamp);
            var outcome = await client.SendAsync(body, cancellationToken).ConfigureAwait(false);
            var error = outcome.Error is null ? null : Shorten(Redact(outcome.Error, key));
            switch (outcome.Result)
            {
                case DeliveryResult.Delivered:
                    // Committed before anything else happens: a crash between PagerDuty's 202 and this fsync is the
                    // only way an event is sent twice (and PagerDuty's dedup absorbs that).
                    store.MarkDelivered(head.Id);
                    lane.LastSent = timestamp;
                    if (lane.Failures > 0)
                        DeliveryLog.Recovered(logger, RouteName(route), lane.Failures);
                    lane.Failures = 0;
                    lane.Throttles = 0;
                    DeliveryLog.Delivered(logger, OutboxStore.ActionName(head.Event.Action), head.Event.DedupKey, head.Id, RouteName(route), head.Attempts + 1);
                    SetStatus(s => s with { LastDelivered = time.GetUtcNow(), ConsecutiveFailures = 0, LastError = null });
                    break;
                case DeliveryResult.Rejected:
                    store.Park(head.Id, error!);
                    DeliveryLog.Parked(logger, OutboxStore.ActionName(head.Event.Action), head.Event.DedupKey, head.Id, error!);
                    break;
                default:
                    store.RecordFailure(head.Id, error!);
                    lane.Failures++;
                    if (lane.Failures == 1)
                        DeliveryLog.Failing(logger, RouteName(route), error!, store.Counts().Pending);
                    lane.Throttles = outcome.Result == DeliveryResult.Throttled ? lane.Throttles + 1 : 0;
                    var delay = outcome.Result == DeliveryResult.Throttled && outcome.RetryAfter is null
                        ? BackoffPolicy.Throttled(lane.Throttles, random.NextDouble(), options.ThrottleStep, options.BackoffCap)
                        : BackoffPolicy.Next(lane.Failures, random.NextDouble(), outcome.RetryAfter, options.BackoffBase, options.BackoffCap);
                    lane.NotBefore = time.GetUtcNow() + delay;
                    SetStatus(s => s with { LastFailure = time.GetUtcNow(), ConsecutiveFailures = lane.Failures, LastError = error });
                    return lane.NotBefore;
            }
        }
        return time.GetUtcNow();
    }

    /// <summary>
    /// An event of this boot detected on an unsynchronized clock waits (in its lane: order is kept) for the clock to
    /// be synchronized, so it is re-stamped with its true time; after the grace it goes flagged instead.
    /// </summary>
    private DateTimeOffset? HeldForClock(OutboxEvent e)
    {
        if (!options.WaitForClockSync || e.ClockSynchronized || e.BootId != bootClock.BootId)
            return null;
        var waited = bootClock.SinceBoot() - e.SinceBoot;
        if (waited >= options.ClockSyncGrace)
            return null;
        var recheck = options.ClockSyncGrace - waited;
        return time.GetUtcNow() + (recheck < IdlePoll ? recheck : IdlePoll);
    }

    private void CheckClock()
    {
        if (_clockSynced || !options.WaitForClockSync || !clockSync.IsSynchronized())
            return;
        _clockSynced = true;
        var n = store.Restamp(bootClock.BootId, bootClock.SinceBoot(), time.GetUtcNow());
        if (n > 0)
            DeliveryLog.Restamped(logger, n);
    }

    private void Housekeeping()
    {
        var report = store.Prune(options.Retention, options.MaxEvents);
        if (report.Lost > 0)
            DeliveryLog.Dropped(logger, report.ExpiredDropped, report.Coalesced, report.FullDropped);
        if (report.OverBoundWithCriticals)
            DeliveryLog.OverBound(logger, options.MaxEvents);
    }

    private void SetStatus(Func<DeliveryStatus, DeliveryStatus> change)
    {
        lock (_statusGate)
            _status = change(_status);
    }

    private static string RouteName(string route) => route.Length == 0 ? "default" : route;

    /// <summary>Whatever a server or a relay answers, the key never leaves here inside an error.</summary>
    private static string Redact(string error, RoutingKey key) => error.Replace(key.Value, "<routing key>", StringComparison.Ordinal);

    /// <summary>What is kept of an error (a relay may answer with a whole page); cut only after <see cref="Redact"/>.</summary>
    private static string Shorten(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;

    private sealed class Lane
    {
        public int Failures;

        /// <summary>429s in a row: they follow their own schedule, paced by PagerDuty's rate window.</summary>
        public int Throttles;
        public DateTimeOffset NotBefore = DateTimeOffset.MinValue;
        public DateTimeOffset LastSent = DateTimeOffset.MinValue;
        public bool ReportedNoKey;
    }
}

