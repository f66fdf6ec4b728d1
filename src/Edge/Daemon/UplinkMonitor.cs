using Edge.Core.Status;
using Edge.Delivery.Outbox;
using Microsoft.Extensions.Hosting;

namespace Edge.Daemon;

/// <summary>
/// Reads the deliver stage's state every few seconds — whether PagerDuty answers, what waits in the outbox — for the
/// show stage (edge status, metrics, the LCD's "PD DOWN 37 queued"). It runs off the evaluation thread, so counting
/// the outbox never delays a reading.
/// </summary>
public sealed class UplinkMonitor(OutboxStore store, OutboxForwarder forwarder, StatusBoard board, TimeProvider time) : BackgroundService
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
                var state = status.ConsecutiveFailures > 0 ? UplinkState.Down
                    : status.LastDelivered is not null ? UplinkState.Ok
                    : UplinkState.Unknown;
                board.PublishDelivery(new DeliverySnapshot(new UplinkStatus(state, counts.Pending), counts, status));
                await Task.Delay(Every, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>The deliver stage as the show stage sees it.</summary>
public sealed record DeliverySnapshot(UplinkStatus Uplink, OutboxCounts? Counts, DeliveryStatus? Status)
{
    public static readonly DeliverySnapshot Unknown = new(UplinkStatus.Unknown, null, null);
}
