using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Sources;
using Edge.Sensors;
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
        foreach (var sensor in config.Sensors)
            services.AddSingleton<IReadingSource>(_ => SensorFactory.Create(sensor, time));
        services.AddHostedService<EvaluationService>();
        services.AddHostedService<SourcePoller>();
        services.AddSystemdNotifications();
        extra?.Invoke(services);
        return builder.Build();
    }
}
