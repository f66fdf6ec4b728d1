using Microsoft.Extensions.Logging;

namespace Edge;

/// <summary>The watchdog's part of the log catalogue (event ids 13xx), kept in its own file of the partial class.</summary>
internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Information, "systemd watchdog armed: timeout {TimeoutSeconds} s, pinged every {EverySeconds} s while readings reach the rule engine (stall limit {StallSeconds} s)")]
    public static partial void WatchdogArmed(ILogger logger, double timeoutSeconds, double everySeconds, double stallSeconds);

    [LoggerMessage(1301, LogLevel.Critical, "Pipeline stalled: no readings evaluated for {QuietSeconds:0} s; watchdog pings stopped, systemd will restart Edge")]
    public static partial void PipelineStalled(ILogger logger, double quietSeconds);

    [LoggerMessage(1302, LogLevel.Warning, "Pipeline moving again; watchdog pings resumed")]
    public static partial void WatchdogResumed(ILogger logger);
}
