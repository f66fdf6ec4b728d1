using Edge.Core.Alerts;

namespace Edge.Inventory.Tests.Support;

/// <summary>Keeps every alert event the tracker publishes, in order.</summary>
public sealed class RecordingAlerts : IAlertEventSink
{
    public List<AlertEvent> Events { get; } = [];

    public IEnumerable<string> Triggers => Events.Where(e => e.Action == EventAction.Trigger).Select(e => e.DedupKey);
    public IEnumerable<string> Resolves => Events.Where(e => e.Action == EventAction.Resolve).Select(e => e.DedupKey);

    public void Publish(AlertEvent alertEvent) => Events.Add(alertEvent);
}
