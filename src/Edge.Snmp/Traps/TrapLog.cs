using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Traps;

/// <summary>Log messages of the trap receiver (event ids 2200–2299). Rate-limited by the caller; never a community, user key or password.</summary>
internal static partial class TrapLog
{
    [LoggerMessage(2200, LogLevel.Information, "SNMP trap receiver listening on udp {Listen} ({Devices} device addresses, {Communities} extra communities, {Users} extra v3 users)")]
    public static partial void Listening(ILogger logger, string listen, int devices, int communities, int users);

    [LoggerMessage(2201, LogLevel.Information, "SNMP {Detail} from {Sender}: polling {Devices} now ({Held} more from this sender in the last minute)")]
    public static partial void Accepted(ILogger logger, string detail, string sender, string devices, long held);

    [LoggerMessage(2202, LogLevel.Warning, "SNMP trap from {Sender} dropped: {Reason} {Detail} ({Held} more dropped for this reason in the last minute)")]
    public static partial void Dropped(ILogger logger, string sender, string reason, string detail, long held);

    [LoggerMessage(2203, LogLevel.Warning, "SNMP trap receiver on {Listen}: a datagram from {Sender} could not be handled: {Error}")]
    public static partial void Failed(ILogger logger, string listen, string sender, string error);
}
