using Edge.Core.Status;
using Edge.Delivery.Clock;
using Edge.Delivery.Configuration;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Delivery.Outbox;

/// <summary>
/// Drains the outbox to the connector, one FIFO lane per route: only a lane's oldest pending event is ever sent, so
/// a resolve can never overtake its trigger. An event is sent as soon as its lane and the uplink allow, whatever the
/// clock says: its timestamp is decided at send time (<see cref="DetectionTime"/>). PagerDuty's acceptance →
/// delivered (committed at once); 400 about the event or 413 → parked; 400 about the routing key, or a relay's
/// 401/403/404/405 → the lane holds (nothing parked, order kept) and the route is reported until its key changes
/// (reload) or a slow re-probe gets through, or the connector's settings change (reload: every lane tries again at
/// once); a relay fault or anything transient → that lane backs off
/// (<see cref="BackoffPolicy"/>; a 429 on its throttle schedule) and retries the same event, forever while within
/// retention. Every event of an incident open at PagerDuty goes with the key its trigger went out with.
/// <see cref="PumpAsync"/> is one pass; the hosted loop calls it and sleeps until the next thing is due, so tests
/// drive the same code with a fake clock.
/// </summary>
public sealed class OutboxForwarder(
    OutboxStore store,
    Func<DeliveryOptions> currentOptions,
    PagerDutyConnection connection,
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
    private DateTimeOffset _nextHousekeeping = DateTimeOffset.MinValue;
    private UplinkStatus _status = UplinkStatus.Unknown;
    private UplinkStatus _published = UplinkStatus.Unknown;
    private long? _publishedOldestId;
    private PagerDutyClient? _client;

    /// <summary>The state dir whose lock this forwarder must hold to send; null when the caller holds it already.</summary>
    public string? LockStateDir { get; init; }

    /// <summary>Told the uplink's status after a pass that changed it (the show stage's only source for it).</summary>
    public Action<UplinkStatus>? UplinkChanged { get; init; }

    /// <summary>The uplink as this forwarder last saw it (the outbox's counts as of its last pass).</summary>
    public UplinkStatus Status
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
            PublishUplink(currentOptions());
            return;
        }
        _client = connection.For(currentOptions());
        DeliveryLog.Forwarding(logger, PagerDutyHttp.Describe(_client.Endpoint));
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
        var options = currentOptions();
        if (now >= _nextHousekeeping)
        {
            _nextHousekeeping = now + HousekeepingEvery;
            Housekeeping(options);
        }
        var client = connection.For(options);
        if (client != _client)
        {
            // Another connector (region, relay, proxy): what the old one refused or failed says nothing of this one.
            _client = client;
            foreach (var lane in _lanes.Values)
            {
                lane.HeldWith = null;
                lane.NotBefore = DateTimeOffset.MinValue;
            }
        }
        var next = now + IdlePoll;
        var routes = store.PendingRoutes();
        foreach (var route in routes)
        {
            var due = await DrainLaneAsync(route, options, client, cancellationToken).ConfigureAwait(false);
            if (due < next)
                next = due;
        }
        // A route with nothing left to send (its events delivered elsewhere, expired) has no fault to show.
        var names = routes.Select(RouteName).ToHashSet(StringComparer.Ordinal);
        if (Status.RouteFaults.Any(f => !names.Contains(f.Route)))
            SetStatus(s => s with { RouteFaults = s.RouteFaults.Where(f => names.Contains(f.Route)).ToArray() });
        PublishUplink(options);
        return next;
    }

    /// <summary>
    /// Reads what the outbox holds (this pass may have sent, an operator command may have retried or purged) and tells
    /// <see cref="UplinkChanged"/> when anything the show stage shows has changed.
    /// </summary>
    private void PublishUplink(DeliveryOptions options)
    {
        var counts = store.Counts();
        var oldestEntry = store.OldestPending();
        var now = time.GetUtcNow();
        // How long ago the oldest waiting event was detected, by the rule its timestamp will be sent with.
        var oldest = oldestEntry is null ? null : DetectionTime.Of(oldestEntry.Event, bootClock, clockSync.IsSynchronized(), now);
        var retired = store.OpenUnderRetiredKey(options);
        SetStatus(s => s with
        {
            Pending = counts.Pending,
            Parked = counts.Parked,
            Delivered = counts.Delivered,
            Dropped = counts.DroppedExpired + counts.DroppedFull,
            OpenUnderRetiredKey = retired,
            OldestPendingAge = oldest?.Age ?? (oldest?.At is { } at ? now - at : null),
            OldestPendingTakenAt = time.GetTimestamp(),
        });
        var status = Status;
        if (status.SameAs(_published) && oldestEntry?.Id == _publishedOldestId)
            return;
        _published = status;
        _publishedOldestId = oldestEntry?.Id;
        UplinkChanged?.Invoke(status);
    }

    private async Task<DateTimeOffset> DrainLaneAsync(string route, DeliveryOptions options, PagerDutyClient client, CancellationToken cancellationToken)
    {
        if (!_lanes.TryGetValue(route, out var lane))
            _lanes[route] = lane = new Lane();
        var routeKey = options.KeyFor(route);
        if (lane.HeldWith is { } held && routeKey is not null && routeKey.Value != held)
        {
            // A corrected key (reload, SIGHUP, a new credential): the held events go again at once, in order.
            DeliveryLog.KeyChanged(logger, RouteName(route), routeKey.Origin);
            lane.HeldWith = null;
            lane.NotBefore = DateTimeOffset.MinValue;
        }
        for (var sent = 0; sent < MaxPerLanePerPass; sent++)
        {
            var now = time.GetUtcNow();
            if (lane.NotBefore > now)
                return lane.NotBefore;
            var head = store.Head(route);
            if (head is null)
                return DateTimeOffset.MaxValue;
            var incidentKey = store.IncidentKey(head.Event.DedupKey);
            var key = incidentKey ?? routeKey;
            if (key is null)
            {
                if (!lane.ReportedNoKey)
                    DeliveryLog.NoKey(logger, route.Length == 0 ? "(default)" : route);
                lane.ReportedNoKey = true;
                lane.NotBefore = now + TimeSpan.FromMinutes(1);
                return lane.NotBefore;
            }

            var detected = DetectionTime.Of(head.Event, bootClock, clockSync.IsSynchronized(), now);
            // Sent times never go backwards within a run (PagerDuty orders an alert's log by them).
            if (detected.At < lane.LastSent)
                detected = detected with { At = lane.LastSent };
            var body = PagerDutyRequestBuilder.Build(head, key, detected);
            var outcome = await client.SendAsync(body, head.Event.DedupKey, cancellationToken).ConfigureAwait(false);
            var error = outcome.Error is null ? null : Shorten(Redact(Redact(outcome.Error, key), routeKey));
            switch (outcome.Result)
            {
                case DeliveryResult.Delivered:
                    // Committed before anything else happens: a crash between PagerDuty's 202 and this fsync is the
                    // only way an event is sent twice (and PagerDuty's dedup absorbs that).
                    store.MarkDelivered(head, key);
                    if (detected.At is { } at)
                        lane.LastSent = at;
                    if (lane.Failures > 0)
                        DeliveryLog.Recovered(logger, RouteName(route), lane.Failures);
                    lane.Failures = 0;
                    lane.Throttles = 0;
                    DeliveryLog.Delivered(logger, PagerDutyMapping.ActionName(head.Event.Action), head.Event.DedupKey, head.Id, RouteName(route), head.Attempts + 1);
                    SetFault(route, null);
                    SetStatus(s => s with { LastDelivered = time.GetUtcNow(), ConsecutiveFailures = 0, LastError = null });
                    break;
                case DeliveryResult.KeyRejected when incidentKey is not null && incidentKey.Value != routeKey?.Value:
                    // The incident was triggered with a key PagerDuty no longer takes: no key can close it through the
                    // Events API now, and the route's current key would be dropped by PagerDuty (another integration).
                    error = $"{error} (the routing key this incident was triggered with, since replaced; resolve it in PagerDuty)";
                    store.ParkForgettingIncidentKey(head, error);
                    DeliveryLog.Parked(logger, PagerDutyMapping.ActionName(head.Event.Action), head.Event.DedupKey, head.Id, error);
                    break;
                case DeliveryResult.Rejected:
                    store.Park(head.Id, error!);
                    DeliveryLog.Parked(logger, PagerDutyMapping.ActionName(head.Event.Action), head.Event.DedupKey, head.Id, error!);
                    break;
                case DeliveryResult.KeyRejected or DeliveryResult.RouteRefused:
                    // Every event of the route would get the same answer: parking them one by one would drain the
                    // route, resolves included, into the dead letters. The lane holds; nothing is parked.
                    store.RecordFailure(head.Id, error!);
                    lane.Failures++;
                    if (lane.HeldWith is null)
                    {
                        var pending = store.Counts().Pending;
                        if (outcome.Result == DeliveryResult.KeyRejected)
                            DeliveryLog.KeyRejected(logger, RouteName(route), key.Origin, error!, pending);
                        else
                            DeliveryLog.RouteRefused(logger, RouteName(route), error!, pending);
                    }
                    lane.HeldWith = routeKey?.Value ?? key.Value;
                    // Re-probed now and then, in case the fault is lifted where Edge cannot see it (a relay fixed).
                    lane.NotBefore = time.GetUtcNow() + options.BackoffCap;
                    SetFault(route, new RouteFault(RouteName(route), outcome.Result == DeliveryResult.KeyRejected ? RouteFaultKind.KeyRejected : RouteFaultKind.Refused,
                        error!, time.GetUtcNow()));
                    SetStatus(s => s with { LastFailure = time.GetUtcNow(), ConsecutiveFailures = lane.Failures, LastError = error });
                    return lane.NotBefore;
                default:
                    store.RecordFailure(head.Id, error!);
                    lane.Failures++;
                    if (lane.Failures == 1)
                    {
                        if (outcome.Result == DeliveryResult.RelayFault)
                            DeliveryLog.RelayFault(logger, RouteName(route), error!, store.Counts().Pending);
                        else
                            DeliveryLog.Failing(logger, RouteName(route), error!, store.Counts().Pending);
                    }
                    lane.Throttles = outcome.Result == DeliveryResult.Throttled ? lane.Throttles + 1 : 0;
                    var delay = outcome.Result == DeliveryResult.Throttled && outcome.RetryAfter is null
                        ? BackoffPolicy.Throttled(lane.Throttles, random.NextDouble(), options.ThrottleStep, options.BackoffCap)
                        : BackoffPolicy.Next(lane.Failures, random.NextDouble(), outcome.RetryAfter, options.BackoffBase, options.BackoffCap);
                    lane.NotBefore = time.GetUtcNow() + delay;
                    SetFault(route, outcome.Result == DeliveryResult.RelayFault ? new RouteFault(RouteName(route), RouteFaultKind.RelayFault, error!, time.GetUtcNow()) : null);
                    SetStatus(s => s with { LastFailure = time.GetUtcNow(), ConsecutiveFailures = lane.Failures, LastError = error });
                    return lane.NotBefore;
            }
        }
        return time.GetUtcNow();
    }

    private void Housekeeping(DeliveryOptions options)
    {
        var report = store.Prune(options.Retention, options.MaxEvents);
        if (report.Lost > 0)
            DeliveryLog.Dropped(logger, report.ExpiredDropped, report.Coalesced, report.FullDropped);
        if (report.OverBoundWithCriticals)
            DeliveryLog.OverBound(logger, options.MaxEvents);
    }

    /// <summary>Records (or, with null, clears) what is wrong with a route, keeping the time it started.</summary>
    private void SetFault(string route, RouteFault? fault)
    {
        var name = RouteName(route);
        SetStatus(s =>
        {
            var kept = s.RouteFaults.FirstOrDefault(f => f.Route == name);
            if (fault is null && kept is null)
                return s;
            var others = s.RouteFaults.Where(f => f.Route != name);
            if (fault is not null)
                others = others.Append(kept?.Kind == fault.Kind ? fault with { Since = kept.Since } : fault);
            return s with { RouteFaults = others.OrderBy(f => f.Route, StringComparer.Ordinal).ToArray() };
        });
    }

    private void SetStatus(Func<UplinkStatus, UplinkStatus> change)
    {
        lock (_statusGate)
        {
            var s = change(_status);
            _status = s with { State = UplinkStatus.StateOf(s.RouteFaults, s.ConsecutiveFailures, s.LastDelivered) };
        }
    }

    private static string RouteName(string route) => route.Length == 0 ? "default" : route;

    /// <summary>Whatever a server or a relay answers, the key never leaves here inside an error.</summary>
    private static string Redact(string error, RoutingKey? key) => key is null ? error : error.Replace(key.Value, "<routing key>", StringComparison.Ordinal);

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

        /// <summary>The route's key when PagerDuty rejected it (or a relay refused the route): held until it changes.</summary>
        public string? HeldWith;
    }
}

