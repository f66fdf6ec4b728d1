using Edge.Inventory.Client;
using Microsoft.Extensions.Logging;

namespace Edge.Inventory;

/// <summary>Every log message of the inventory source, with a stable event id (7000–7099). One line per change, never one per poll.</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Warning, "Device42 at {Appliance} cannot be read ({Failure}): {Error}. Inventory readings pause; reachable is 0; no inventory alert resolves until it can be read again")]
    public static partial void Unreadable(ILogger logger, string appliance, Device42Failure failure, string error);

    [LoggerMessage(7001, LogLevel.Information, "Device42 at {Appliance} read whole: {Software} software titles, {Findings} prohibited findings, {Subnets} subnets (logged at the first read and when reading works again)")]
    public static partial void Readable(ILogger logger, string appliance, int software, int findings, int subnets);

    [LoggerMessage(7002, LogLevel.Warning, "Device42 lists more {Kinds} entities than device42.maxEntities ({Max}); the first {Max} by id are read, and prohibited findings beyond them are not resolved")]
    public static partial void Capped(ILogger logger, string kinds, int max);

    [LoggerMessage(7003, LogLevel.Warning, "Cannot save the prohibited findings to {File}: {Error}. A finding removed while edge is stopped will not resolve after a restart")]
    public static partial void FindingsNotSaved(ILogger logger, string file, string error);

    [LoggerMessage(7004, LogLevel.Error, "Device42 at {Appliance} refuses Edge because of its own licence: {Error}. Inventory readings pause; reachable is 0; no inventory alert resolves until the licence is sorted out")]
    public static partial void LicenceRefused(ILogger logger, string appliance, string error);

    [LoggerMessage(7005, LogLevel.Warning, "Device42 at {Appliance}: {Problem}, which is not a count; that one object is skipped (no reading for it) until it is corrected")]
    public static partial void MalformedObject(ILogger logger, string appliance, string problem);
}
