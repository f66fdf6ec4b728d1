using Edge.Configuration;
using Edge.Delivery.Clock;
using Edge.Delivery.Outbox;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Commands;

/// <summary>
/// What the operator commands share: the outbox of the configured state dir, opened beside a running daemon (SQLite
/// serializes the writers), and delivery of what they queued — by the daemon when it runs, else by this process,
/// which then holds the forwarder lock so the two never send one lane at once.
/// </summary>
internal static class OperatorDelivery
{
    public static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(30);

    /// <summary>The loaded configuration, or null after printing its problems (exit 2).</summary>
    public static EdgeConfig? Config(System.CommandLine.ParseResult parse, string command)
    {
        var path = parse.GetValue(CommonOptions.Config)!;
        var result = EdgeConfigLoader.Load(path, parse.GetValue(CommonOptions.StateDir));
        if (result.IsValid)
            return result.Config;
        foreach (var problem in result.Problems)
            Console.Error.WriteLine(problem);
        Console.Error.WriteLine($"edge {command}: the configuration is not valid");
        return null;
    }

    public static OutboxStore? Open(EdgeConfig config, string command)
    {
        try
        {
            return OutboxStore.Open(config.StateDir, TimeProvider.System, repair: false);
        }
        catch (Exception e) when (e is OutboxCorruptException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"edge {command}: {e.Message}");
            return null;
        }
    }

    public static OutboxWriter Writer(EdgeConfig config, OutboxStore store) =>
        new(store, new SystemBootClock(), Clock(config), TimeProvider.System, NullLogger<OutboxWriter>.Instance) { CheckClockSync = config.Delivery.CheckClockSync };

    /// <summary>When each event was detected, by the rule the forwarder stamps it with when it sends it.</summary>
    public static Func<OutboxEvent, DetectionTime> Detection(EdgeConfig config, DateTimeOffset now)
    {
        var boot = new SystemBootClock();
        var synchronized = Clock(config).IsSynchronized();
        return e => DetectionTime.Of(e, boot, synchronized, now);
    }

    private static IClockSyncSource Clock(EdgeConfig config) => config.Delivery.CheckClockSync ? new SystemClockSyncSource() : new AssumedClockSync();

    /// <summary>
    /// Waits until every event in <paramref name="ids"/> is delivered or parked, sending them itself when no daemon
    /// holds the forwarder lock. Prints one line per event; true when all were delivered.
    /// </summary>
    public static async Task<bool> DeliverAsync(EdgeConfig config, OutboxStore store, IReadOnlyList<long> ids, CancellationToken cancel)
    {
        using var held = ForwarderLock.TryAcquire(config.StateDir);
        Console.WriteLine(held is null ? "edge run is forwarding from this state dir: waiting for it to send" : $"no daemon is forwarding: sending to {Describe(config)}");
        using var connection = held is null ? null : new PagerDutyConnection(RunCommand.Version, TimeProvider.System, NullLogger.Instance);
        var forwarder = connection is null ? null : new OutboxForwarder(store, () => config.Delivery, connection,
            new SystemBootClock(), Clock(config), TimeProvider.System, Random.Shared, NullLogger<OutboxForwarder>.Instance);
        var deadline = TimeProvider.System.GetUtcNow() + WaitAtMost;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (forwarder is not null)
                await forwarder.PumpAsync(cancel);
            if (ids.Select(store.Get).All(e => e is null || e.Status != OutboxStatus.Pending))
                break;
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, cancel);
        }
        var all = true;
        foreach (var id in ids)
        {
            var e = store.Get(id);
            var status = e?.Status switch
            {
                OutboxStatus.Delivered => "delivered (202)",
                OutboxStatus.Parked => $"rejected and parked: {e.LastError}",
                null => "gone from the outbox",
                _ => $"still pending after {WaitAtMost.TotalSeconds:0} s{(e.LastError is { } err ? $" (last error: {err})" : "")}; it stays queued",
            };
            all &= e?.Status == OutboxStatus.Delivered;
            Console.WriteLine($"  outbox {id}: {e?.Event.Action.ToString().ToLowerInvariant()} {e?.Event.DedupKey}: {status}");
        }
        return all;
    }

    /// <summary>The connector, as the operator configured it; never a key.</summary>
    public static string Describe(EdgeConfig config) => PagerDutyHttp.Describe(config.Delivery.Endpoint);
}
