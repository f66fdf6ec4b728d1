using Microsoft.Extensions.Logging;

namespace Edge.Inventory.Tests.Support;

/// <summary>Keeps every log line as the console would print it (message and exception).</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public List<(int EventId, LogLevel Level, string Text)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
            Lines.Add((eventId.Id, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
