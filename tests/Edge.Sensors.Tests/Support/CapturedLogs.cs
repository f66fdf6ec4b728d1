using Microsoft.Extensions.Logging;

namespace Edge.Sensors.Tests.Support;

/// <summary>A logger factory whose loggers all keep their lines here, so a test can count what would reach the SD card.</summary>
public sealed class CapturedLogs : ILoggerFactory, ILogger
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

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
            _lines.Add((eventId.Id, logLevel, formatter(state, exception)));
    }

    public void Dispose()
    {
    }
}
