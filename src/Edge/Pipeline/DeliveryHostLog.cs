using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>The host's messages about the deliver stage (event ids 1400–1499, see LogEventRanges).</summary>
internal static partial class DeliveryHostLog
{
    [LoggerMessage(1400, LogLevel.Error, "Outbox database failed its integrity check ({Reason}); kept at {KeptAt}, a fresh one started; this is paged once PagerDuty is reachable")]
    public static partial void Replaced(ILogger logger, string reason, string keptAt);
}
