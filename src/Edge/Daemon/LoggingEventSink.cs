using Edge.Core.Alerts;
using Microsoft.Extensions.Logging;

namespace Edge.Daemon;

/// <summary>Writes every alert event to the log: one line per transition.</summary>
public sealed class LoggingEventSink(ILogger<LoggingEventSink> logger) : IAlertEventSink
{
    public void Publish(AlertEvent alertEvent)
    {
        if (alertEvent.SuppressedBy is { } window)
            Log.AlertSuppressed(logger, alertEvent.Action, alertEvent.DedupKey, window, alertEvent.Summary);
        else
            Log.AlertEvent(logger, alertEvent.Action, alertEvent.DedupKey, alertEvent.Severity.ToString().ToLowerInvariant(), alertEvent.Summary);
    }
}
