using System.CommandLine;
using System.Reflection;
using Edge.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Commands;

/// <summary><c>edge run</c>: the daemon in the foreground, as systemd runs it.</summary>
internal static class RunCommand
{
    public static string Version => typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static Command Create()
    {
        var run = new Command("run", "run the daemon in the foreground");
        run.SetAction(async (parse, cancel) =>
        {
            var result = EdgeConfigLoader.Load(parse.GetValue(CommonOptions.Config)!, parse.GetValue(CommonOptions.StateDir));
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                    Console.Error.WriteLine(problem);
                return ExitCodes.Invalid;
            }
            using var host = EdgeHost.Build(result.Config!, TimeProvider.System, LogLevel.Information);
            LogStart(host, result.Config!);
            await host.RunAsync(cancel);
            return ExitCodes.Ok;
        });
        return run;
    }

    /// <summary>Logs "started" once every stage runs, so an edit made after it is seen by the file watcher.</summary>
    internal static void LogStart(IHost host, EdgeConfig config)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Edge");
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            Log.Started(logger, Version, config.Sensors.Count, config.Monitor.Rules.Count, config.Monitor.Appliance.Id, config.FilePath);
            Log.HardwareWatchdog(logger, Systemd.HardwareWatchdog.Describe());
            // What edge config check prints without failing (an obsolete setting, a key file others can read).
            foreach (var warning in config.Delivery.Warnings)
                Log.ConfigWarning(logger, warning.ToString());
        });
    }
}
