using Edge.Core.Alerts;
using Microsoft.Extensions.Logging;

namespace Edge.Delivery;

/// <summary>
/// Every log message of the delivery stage, with stable event ids (3000–3099). None takes a routing key: routes are
/// named, keys are described by their origin only.
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(3000, LogLevel.Information, "Outbox {Path}: {Pending} pending, {Parked} parked; {States} alert states restored")]
    public static partial void Opened(ILogger logger, string path, long pending, long parked, int states);


    [LoggerMessage(3002, LogLevel.Error, "Outbox commit failed, {Unsaved} events held in memory and retried with the next commit: {Error}")]
    public static partial void CommitFailed(ILogger logger, int unsaved, string error);

    [LoggerMessage(3003, LogLevel.Warning, "Outbox bounds: {Expired} undelivered events past retention, {Coalesced} superseded events coalesced, {Full} dropped because the outbox was full")]
    public static partial void Dropped(ILogger logger, int expired, int coalesced, int full);

    [LoggerMessage(3004, LogLevel.Warning, "Outbox holds more than {Max} events and all that is left is pending critical events, which are never dropped")]
    public static partial void OverBound(ILogger logger, int max);

    [LoggerMessage(3005, LogLevel.Error, "Outbox unwritable and its memory buffer full: dropped held {Action} {DedupKey} ({Severity}); {Dropped} dropped since start")]
    public static partial void DroppedUnsaved(ILogger logger, string action, string dedupKey, string severity, long dropped);

    [LoggerMessage(3006, LogLevel.Warning, "Alert {Action} {DedupKey} ({Severity}): {Summary}")]
    public static partial void AlertEvent(ILogger logger, EventAction action, string dedupKey, string severity, string summary);

    [LoggerMessage(3007, LogLevel.Warning, "{Action} {DedupKey} suppressed by maintenance {Window}: recorded, not sent to PagerDuty ({Summary})")]
    public static partial void AlertSuppressed(ILogger logger, EventAction action, string dedupKey, long window, string summary);

    [LoggerMessage(3010, LogLevel.Information, "Delivered {Action} {DedupKey} (outbox {Id}) to route {Route} after {Attempts} attempts")]
    public static partial void Delivered(ILogger logger, string action, string dedupKey, long id, string route, int attempts);

    [LoggerMessage(3011, LogLevel.Error, "PagerDuty rejected {Action} {DedupKey} (outbox {Id}); parked, see edge queue list: {Error}")]
    public static partial void Parked(ILogger logger, string action, string dedupKey, long id, string error);

    [LoggerMessage(3012, LogLevel.Warning, "Route {Route} cannot deliver ({Error}); retrying with back-off, {Pending} events waiting")]
    public static partial void Failing(ILogger logger, string route, string error, long pending);

    [LoggerMessage(3013, LogLevel.Information, "Route {Route} delivers again after {Failures} failed attempts")]
    public static partial void Recovered(ILogger logger, string route, int failures);

    [LoggerMessage(3014, LogLevel.Warning, "Route {Route} has no routing key configured; its events wait in the outbox")]
    public static partial void NoKey(ILogger logger, string route);

    [LoggerMessage(3015, LogLevel.Information, "Forwarding the outbox to {Endpoint}")]
    public static partial void Forwarding(ILogger logger, string endpoint);

    [LoggerMessage(3016, LogLevel.Error, "Route {Route}: PagerDuty rejects its routing key ({KeyOrigin}): {Error}. Its events wait in order, none is parked; correct the key and reload (systemctl reload edge). {Pending} events waiting")]
    public static partial void KeyRejected(ILogger logger, string route, string keyOrigin, string error, long pending);

    [LoggerMessage(3017, LogLevel.Error, "Route {Route}: the connector refuses it ({Error}): check the connector URL and the relay's authentication. Its events wait in order, none is parked; {Pending} events waiting")]
    public static partial void RouteRefused(ILogger logger, string route, string error, long pending);

    [LoggerMessage(3018, LogLevel.Error, "Route {Route}: the answer is not PagerDuty's acceptance ({Error}); not counted as delivered, retrying with back-off; {Pending} events waiting")]
    public static partial void RelayFault(ILogger logger, string route, string error, long pending);

    [LoggerMessage(3019, LogLevel.Information, "Route {Route} has a new routing key ({KeyOrigin}): its held events are sent again, in order")]
    public static partial void KeyChanged(ILogger logger, string route, string keyOrigin);

    [LoggerMessage(3021, LogLevel.Warning, "Another process is forwarding from {StateDir} ({LockFile} is held); this one will not send")]
    public static partial void NotForwarding(ILogger logger, string stateDir, string lockFile);

    [LoggerMessage(3022, LogLevel.Information, "Connector settings reloaded: the outbox goes to {Endpoint} from the next send")]
    public static partial void ConnectorChanged(ILogger logger, string endpoint);

    [LoggerMessage(3023, LogLevel.Error, "Connector settings reloaded but unusable ({Error}); the outbox still goes to {Endpoint} as before")]
    public static partial void ConnectorKept(ILogger logger, string endpoint, string error);
}
