using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>Keeps every formatted log line, to check what the on-call engineer would read.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add($"{logLevel} {eventId.Id} {formatter(state, exception)}");
}
