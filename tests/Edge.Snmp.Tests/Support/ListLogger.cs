using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Tests.Support;

/// <summary>Keeps every formatted log line, so a test can check what an operator would read (and that no secret is in it).</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
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
            _lines.Add($"{logLevel} {eventId.Id} {formatter(state, exception)}");
    }
}
