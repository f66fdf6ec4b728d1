using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;

namespace Edge.Daemon;

public static class WatchdogServiceRegistration
{
    /// <summary>The watchdog and the notifier it pings through (AddSystemd registers one only under systemd).</summary>
    public static IServiceCollection AddSystemdWatchdog(this IServiceCollection services)
    {
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddSingleton<WatchdogService>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchdogService>());
        return services;
    }
}
