using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Polling;

/// <summary>Log messages of SNMP polling, with stable event ids (2000–2099). One line per change, never one per poll; no secrets.</summary>
internal static partial class SnmpLog
{
    [LoggerMessage(2000, LogLevel.Information, "SNMP device {Device} at {Target}: profile {Profile} (sysObjectID {SysObjectId})")]
    public static partial void ProfileResolved(ILogger logger, string device, string target, string profile, string sysObjectId);

    [LoggerMessage(2001, LogLevel.Warning, "SNMP device {Device} at {Target} is unreachable: {Reason}")]
    public static partial void Unreachable(ILogger logger, string device, string target, string reason);

    [LoggerMessage(2002, LogLevel.Information, "SNMP device {Device} at {Target} answers again")]
    public static partial void Recovered(ILogger logger, string device, string target);

    [LoggerMessage(2003, LogLevel.Warning, "SNMP device {Device} at {Target}: part of the walk stopped early, readings may be incomplete: {Detail}")]
    public static partial void PartialWalk(ILogger logger, string device, string target, string detail);

    [LoggerMessage(2004, LogLevel.Warning, "SNMP device {Device} at {Target} answers, but {Notice}")]
    public static partial void NoSupportedMib(ILogger logger, string device, string target, string notice);
}
