using Edge.Commands;
using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Delivery.Clock;
using Edge.Delivery.Outbox;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// The deliver stage in the host: the outbox (opened with its integrity check), its writer as the evaluate stage's
/// <see cref="IAlertOutbox"/>, and the forwarder as a hosted service.
/// </summary>
public static class DeliveryServices
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, EdgeConfig config, TimeProvider time)
    {
        var options = config.Delivery;
        services.AddSingleton<IBootClock>(_ => new SystemBootClock());
        services.AddSingleton<IClockSyncSource>(_ => options.CheckClockSync ? new SystemClockSyncSource() : new AssumedClockSync());
        services.AddSingleton(sp =>
        {
            var store = OutboxStore.Open(config.StateDir, time, repair: true);
            if (store.Recovery is { } r)
                DeliveryHostLog.Replaced(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Edge.Delivery"), r.Reason, r.KeptAt);
            return store;
        });
        services.AddSingleton(sp =>
        {
            var writer = new OutboxWriter(sp.GetRequiredService<OutboxStore>(), sp.GetRequiredService<IBootClock>(), sp.GetRequiredService<IClockSyncSource>(), time,
                sp.GetRequiredService<ILogger<OutboxWriter>>()) { CheckClockSync = options.CheckClockSync };
            // Queued in the same transaction that clears the mark, so it is paged exactly once, when the uplink works.
            writer.PageRecovery(config.Monitor.Appliance);
            return writer;
        });
        services.AddSingleton<IAlertOutbox>(sp => sp.GetRequiredService<OutboxWriter>());
        services.AddSingleton(sp => new PagerDutyConnection(RunCommand.Version, time, sp.GetRequiredService<ILogger<PagerDutyConnection>>()));
        // Keys and connector come from the configuration in force: a corrected key, region, relay or proxy (reload,
        // SIGHUP) reaches a held lane at once.
        services.AddSingleton(sp => new OutboxForwarder(sp.GetRequiredService<OutboxStore>(), () => sp.GetRequiredService<ConfigState>().Current.Delivery,
            sp.GetRequiredService<PagerDutyConnection>(),
            sp.GetRequiredService<IBootClock>(), sp.GetRequiredService<IClockSyncSource>(), time, Random.Shared, sp.GetRequiredService<ILogger<OutboxForwarder>>())
        {
            LockStateDir = config.StateDir,
            UplinkChanged = sp.GetRequiredService<StatusBoard>().PublishUplink,
        });
        services.AddHostedService(sp => sp.GetRequiredService<OutboxForwarder>());
        return services;
    }
}
