using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Sources;
using Edge.Display.Lcd;
using Edge.Sensors;
using Edge.Sensors.Bus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Daemon;

/// <summary>Wires the four stages into one host: the same code for <c>edge run</c> and <c>edge demo</c>.</summary>
public static class EdgeHost
{
    public static IHost Build(EdgeConfig config, TimeProvider time, LogLevel minimumLevel, Action<IServiceCollection>? extra = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddSystemdConsole(o => o.TimestampFormat = null);
        builder.Services.AddSystemd();

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(time);
        services.AddSingleton<ReadingChannel>();
        services.AddSingleton<StatusBoard>();
        services.AddSingleton<IAlertEventSink, LoggingEventSink>();
        services.AddSingleton<EventFanOut>();
        services.AddSingleton(sp => SensorBusRegistry.ForThisMachine(time, sp.GetRequiredService<ILoggerFactory>()));
        foreach (var sensor in config.Sensors)
            services.AddSingleton<IReadingSource>(sp => SensorFactory.Create(sensor, time, sp.GetRequiredService<SensorBusRegistry>(), sp.GetRequiredService<ILoggerFactory>()));
        if (config.Display is { } display)
            services.AddHostedService(sp => LcdStatus.CreateService(display, config, sp.GetRequiredService<StatusBoard>(), time, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<EvaluationService>();
        services.AddHostedService<SourcePoller>();
        extra?.Invoke(services);
        return builder.Build();
    }
}
