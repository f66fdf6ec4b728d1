using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Snmp.Client;
using Edge.Sensors.Bus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>Wires the four stages into one host: the same code for <c>edge run</c> and <c>edge demo</c>.</summary>
public static class EdgeHost
{
    /// <summary>
    /// How long a stop waits for the stages to finish (the forwarder's request in flight, the last commit). Shorter
    /// than the unit's <c>TimeoutStopSec=20s</c>, so a stop ends orderly instead of in systemd's SIGKILL.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    public static IHost Build(EdgeConfig config, TimeProvider time, LogLevel minimumLevel, Action<IServiceCollection>? extra = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddSystemdConsole(o => o.TimestampFormat = null);
        // Kestrel (the status endpoint) warns once per refused connection: under a flood that is a journal line per
        // connect, on the SD card. The endpoint logs its own summaries (Status/ClientConnectionLimit.cs).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error);
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var services = builder.Services;
        services.AddSingleton(new ConfigState(config));
        services.AddSingleton(time);
        services.AddSingleton<ReadingChannel>();
        services.AddSingleton<StatusBoard>();
        services.AddDelivery(config, time);
        services.AddSingleton(sp => SensorBusRegistry.ForThisMachine(time, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ISourceProvider, SensorSourceProvider>();
        services.AddSingleton(_ => new SnmpClient(time));
        services.AddSingleton<ISourceProvider, SnmpSourceProvider>();
        services.AddSingleton<PollWakeups>();
        services.AddSingleton<PollDurations>();
        services.AddSingleton<SourceProblems>();
        services.AddSingleton<Snmp.Traps.TrapCounters>();
        services.AddSingleton<TrapService>();
        services.AddHostedService(sp => sp.GetRequiredService<TrapService>());
        services.AddSingleton<Sources.WatchHttp>();
        services.AddSingleton<ISourceProvider, Sources.PeerSourceProvider>();
        services.AddHostedService<Systemd.HeartbeatService>();
        services.AddSingleton<ConfigWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        if (config.Display is { } display)
            services.AddHostedService(sp => LcdStatus.CreateService(display, sp.GetRequiredService<ConfigState>(), sp.GetRequiredService<StatusBoard>(), time, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ISourceProvider, InventorySourceProvider>();
        services.AddHostedService<EvaluationService>();
        // libgpiod on /dev/gpiochip0: the character device the unit's DevicePolicy lets through (GpioController's
        // default on a Pi is the /dev/gpiomem driver, which it does not), and the Pi 5's header as well.
        if (config.Maintenance.Button is { } button)
            services.AddHostedService(sp => new MaintenanceButton(() => new System.Device.Gpio.GpioController(new System.Device.Gpio.Drivers.LibGpiodDriver(0)), button, config.Maintenance.MaxDuration,
                sp.GetRequiredService<Delivery.Outbox.OutboxStore>(), time, sp.GetRequiredService<ILogger<MaintenanceButton>>()));
        services.AddHostedService<SourcePoller>();
        services.AddSingleton<Status.StatusReport>();
        services.AddHostedService<Status.StatusServer>();
        services.AddSystemdNotifications();
        extra?.Invoke(services);
        return builder.Build();
    }
}
