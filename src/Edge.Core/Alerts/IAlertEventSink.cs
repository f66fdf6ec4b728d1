namespace Edge.Core.Alerts;

/// <summary>Where the evaluate stage hands its events: the outbox in the daemon, a list in tests.</summary>
public interface IAlertEventSink
{
    void Publish(AlertEvent alertEvent);
}
