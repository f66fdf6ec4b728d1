using Microsoft.Extensions.Logging;

namespace Edge.Display.Lcd;

/// <summary>Every log message of the display, with a stable event id (2100–2199).</summary>
internal static partial class DisplayLog
{
    [LoggerMessage(2100, LogLevel.Warning, "LCD on bus {Bus} at 0x{Address:x2} not working: {Error}; retrying every 10 s (the daemon runs on without it)")]
    public static partial void Failed(ILogger logger, int bus, int address, string error);

    [LoggerMessage(2101, LogLevel.Information, "LCD on bus {Bus} at 0x{Address:x2} working again")]
    public static partial void Recovered(ILogger logger, int bus, int address);
}
