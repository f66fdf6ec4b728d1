using Edge.Core.Alerts;
using Microsoft.Extensions.Logging;

namespace Edge;

/// <summary>Every log message of the daemon, with a stable event id. One line per event, never one per poll.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Edge {Version} started: {Sensors} sensors, {Rules} rules, appliance {Appliance}, config {ConfigFile}")]
    public static partial void Started(ILogger logger, string version, int sensors, int rules, string appliance, string configFile);

    [LoggerMessage(1001, LogLevel.Information, "Hardware watchdog: {State}")]
    public static partial void HardwareWatchdog(ILogger logger, string state);

    [LoggerMessage(1010, LogLevel.Error, "Configuration edit of {ConfigFile} rejected with {Count} problem(s); still running on the last good configuration")]
    public static partial void ConfigRejected(ILogger logger, string configFile, int count);

    [LoggerMessage(1011, LogLevel.Error, "Configuration problem: {Problem}")]
    public static partial void ConfigProblem(ILogger logger, string problem);

    [LoggerMessage(1013, LogLevel.Warning, "Configuration warning: {Warning}")]
    public static partial void ConfigWarning(ILogger logger, string warning);

    [LoggerMessage(1012, LogLevel.Information, "Configuration {ConfigFile} applied: {Rules} rules (generation {Generation})")]
    public static partial void ConfigApplied(ILogger logger, string configFile, int rules, int generation);

    [LoggerMessage(1020, LogLevel.Error, "Status endpoint cannot listen on {Listen}: {Error}; edge status and metrics are unavailable")]
    public static partial void StatusListenFailed(ILogger logger, string listen, string error);

    [LoggerMessage(1021, LogLevel.Error, "Status endpoint {Listen} cannot accept connections: {Error} (out of file descriptors); it retries every 200 ms, monitoring goes on (logged at most once a minute)")]
    public static partial void StatusAcceptFailed(ILogger logger, string listen, string error);

    [LoggerMessage(1022, LogLevel.Information, "Status endpoint {Listen} accepts connections again")]
    public static partial void StatusAcceptRecovered(ILogger logger, string listen);

    [LoggerMessage(1023, LogLevel.Warning, "Status endpoint: {Client} already holds {Limit} connections, more from it are closed at once ({Refused} refused so far; logged at most once a minute)")]
    public static partial void StatusClientOverLimit(ILogger logger, string client, int limit, long refused);

    [LoggerMessage(1030, LogLevel.Warning, "Heartbeat to {Host} failed ({Error}); the dead-man's switch will page if this lasts")]
    public static partial void HeartbeatFailed(ILogger logger, string host, string error);

    [LoggerMessage(1031, LogLevel.Information, "Heartbeat to {Host} works again")]
    public static partial void HeartbeatRecovered(ILogger logger, string host);

    [LoggerMessage(1040, LogLevel.Error, "SNMP trap receiver cannot listen on udp {Listen}: {Error}; traps are ignored, devices are still polled at their interval (port 162 needs CAP_NET_BIND_SERVICE, see docs/snmp.md)")]
    public static partial void TrapListenFailed(ILogger logger, string listen, string error);

    [LoggerMessage(1041, LogLevel.Warning, "SNMP engine boots cannot be kept in {File} ({Error}); v3 informs still work, with boots 1")]
    public static partial void EngineBootsNotKept(ILogger logger, string file, string error);

    [LoggerMessage(1600, LogLevel.Warning, "Maintenance window {Id} open on {Selector} ({Rules}) until {End:u}: {Reason}, started by {StartedBy}; alerts it covers are not paged until it ends")]
    public static partial void MaintenanceOpen(ILogger logger, long id, string selector, string rules, DateTimeOffset end, string reason, string startedBy);

    [LoggerMessage(1601, LogLevel.Warning, "Maintenance window {Id} ({Reason}) has ended; alerts it held that still fire are paged now")]
    public static partial void MaintenanceClosed(ILogger logger, long id, string reason);

    [LoggerMessage(1603, LogLevel.Warning, "Maintenance button: window {Id} started for the whole appliance until {End:u}")]
    public static partial void ButtonStarted(ILogger logger, long id, DateTimeOffset end);

    [LoggerMessage(1604, LogLevel.Warning, "Maintenance button: window {Id} extended until {End:u}")]
    public static partial void ButtonExtended(ILogger logger, long id, DateTimeOffset end);

    [LoggerMessage(1605, LogLevel.Warning, "Maintenance button: window {Id} ended by a long press")]
    public static partial void ButtonEnded(ILogger logger, long id);

    [LoggerMessage(1606, LogLevel.Error, "Maintenance button on GPIO{Pin} is unavailable: {Error}; use edge maintenance over SSH")]
    public static partial void ButtonUnavailable(ILogger logger, int pin, string error);

    [LoggerMessage(1607, LogLevel.Error, "Maintenance button press not recorded: {Error}")]
    public static partial void ButtonFailed(ILogger logger, string error);

    [LoggerMessage(1200, LogLevel.Warning, "Source {Source} failed to poll: {Error} (it reads as unreachable; the same error is not logged again until it polls)")]
    public static partial void PollFailed(ILogger logger, string source, string error);

    [LoggerMessage(1201, LogLevel.Warning, "Reading channel full: {Dropped} readings dropped so far (the evaluate stage is behind)")]
    public static partial void ReadingsDropped(ILogger logger, long dropped);

    [LoggerMessage(1202, LogLevel.Information, "Source {Source} polls again")]
    public static partial void PollRecovered(ILogger logger, string source);
}
