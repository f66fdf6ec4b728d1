using Microsoft.Extensions.Logging;

namespace Edge.Tests.Support;

/// <summary>Keeps every log line with its event id and level, so a test can count what would reach the SD card.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(int EventId, LogLevel Level, string Text)> _lines = [];

    public IReadOnlyList<(int EventId, LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
            _lines.Add((eventId.Id, logLevel, formatter(state, exception)));
    }
}
