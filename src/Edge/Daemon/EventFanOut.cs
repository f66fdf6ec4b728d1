using Edge.Core.Alerts;

namespace Edge.Daemon;

/// <summary>Hands each event to every registered sink, in registration order.</summary>
public sealed class EventFanOut(IEnumerable<IAlertEventSink> sinks)
{
    private readonly IAlertEventSink[] _sinks = sinks.ToArray();

    public IAlertEventSink AsSink() => new Sink(_sinks);

    private sealed class Sink(IAlertEventSink[] sinks) : IAlertEventSink
    {
        public void Publish(AlertEvent alertEvent)
        {
            foreach (var sink in sinks)
                sink.Publish(alertEvent);
        }
    }
}
