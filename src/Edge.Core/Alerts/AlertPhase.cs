namespace Edge.Core.Alerts;

/// <summary>
/// Where a (rule, entity) alert is in its life. Pending waits out <c>for</c>; Clearing waits out <c>clearFor</c>.
/// "Resolved" is the event that returns an alert to <see cref="Ok"/>.
/// </summary>
public enum AlertPhase
{
    Ok,
    Pending,
    Firing,
    Clearing,
}
