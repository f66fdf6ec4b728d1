using Edge.Core.Status;
using Edge.Delivery.Clock;
using Edge.Delivery.Outbox;
using Microsoft.Extensions.Hosting;

namespace Edge.Daemon;

/// <summary>
/// Reads the deliver stage's state every few seconds — whether PagerDuty answers, what waits in the outbox — for the
/// show stage (edge status, metrics, the LCD's "PD DOWN 37 queued"). It runs off the evaluation thread, so counting
/// the outbox never delays a reading.
/// </summary>
public sealed class UplinkMonitor(OutboxStore store, OutboxForwarder forwarder, StatusBoard board, ConfigState config, IBootClock bootClock,
    IClockSyncSource clockSync, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var counts = store.Counts();
                var status = forwarder.Status;
                // How long ago the oldest waiting event was detected, by the rule its timestamp will be sent with.
                var oldest = store.OldestPending() is { } entry ? DetectionTime.Of(entry.Event, bootClock, clockSync.IsSynchronized(), time.GetUtcNow()) : null;
                board.PublishDelivery(new DeliverySnapshot(new UplinkStatus(State(status), counts.Pending), counts, status)
                {
                    OpenUnderRetiredKey = store.OpenUnderRetiredKey(config.Current.Delivery),
                    OldestPendingAge = oldest?.Age ?? (oldest?.At is { } at ? time.GetUtcNow() - at : null),
                });
                await Task.Delay(Every, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A route's own fault outranks a plain outage: it needs the operator, not patience.</summary>
    internal static UplinkState State(DeliveryStatus status)
    {
        var faults = status.RouteFaults.Select(f => f.Kind).ToHashSet();
        if (faults.Contains(RouteFaultKind.KeyRejected))
            return UplinkState.KeyRejected;
        if (faults.Contains(RouteFaultKind.Refused))
            return UplinkState.Refused;
        if (faults.Contains(RouteFaultKind.RelayFault))
            return UplinkState.RelayFault;
        return status.ConsecutiveFailures > 0 ? UplinkState.Down
            : status.LastDelivered is not null ? UplinkState.Ok
            : UplinkState.Unknown;
    }
}

/// <summary>The deliver stage as the show stage sees it.</summary>
public sealed record DeliverySnapshot(UplinkStatus Uplink, OutboxCounts? Counts, DeliveryStatus? Status)
{
    public static readonly DeliverySnapshot Unknown = new(UplinkStatus.Unknown, null, null);

    /// <summary>Since the oldest pending event was detected, as of this snapshot (null: none pending, or not known on this clock).</summary>
    public TimeSpan? OldestPendingAge { get; init; }

    /// <summary>Open incidents whose trigger went out with a key since rotated away (dedup key and route; never the key).</summary>
    public IReadOnlyList<(string DedupKey, string Route)> OpenUnderRetiredKey { get; init; } = [];
}
