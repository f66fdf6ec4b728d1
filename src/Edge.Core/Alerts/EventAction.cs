namespace Edge.Core.Alerts;

/// <summary>What an alert event reports: its incident opened (or changed while open), or it cleared.</summary>
public enum EventAction
{
    Trigger,
    Resolve,
}
