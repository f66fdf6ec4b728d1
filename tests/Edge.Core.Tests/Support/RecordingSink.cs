using Edge.Core.Alerts;

namespace Edge.Core.Tests.Support;

/// <summary>Keeps every event the tracker publishes, in order.</summary>
public sealed class RecordingSink : IAlertEventSink
{
    public List<AlertEvent> Events { get; } = [];

    public IEnumerable<AlertEvent> Triggers => Events.Where(e => e.Action == EventAction.Trigger);
    public IEnumerable<AlertEvent> Resolves => Events.Where(e => e.Action == EventAction.Resolve);

    public void Publish(AlertEvent alertEvent) => Events.Add(alertEvent);
}
