using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;

namespace Edge.Systemd;

/// <summary>
/// sd_notify for edge.service (Type=notify, WatchdogSec=): READY=1 and STOPPING=1 from the host's SystemdLifetime,
/// WATCHDOG=1 from <see cref="WatchdogService"/>.
/// </summary>
public static class SystemdNotifications
{
    /// <summary>
    /// AddSystemd() decides "running under systemd" by reading /proc/PPID/comm, which the unit's ProtectProc=invisible
    /// hides from the edge user (PID 1 belongs to root): the daemon would never say READY=1 and systemd would kill it
    /// after TimeoutStartSec. systemd's own contract is $NOTIFY_SOCKET (sd_notify(3)), so that is what counts here.
    /// </summary>
    public static IServiceCollection AddSystemdNotifications(this IServiceCollection services)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")) && !SystemdHelpers.IsSystemdService())
        {
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddSingleton<WatchdogService>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchdogService>());
        return services;
    }
}
