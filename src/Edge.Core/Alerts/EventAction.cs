namespace Edge.Core.Alerts;

/// <summary>The PagerDuty event actions Edge sends.</summary>
public enum EventAction
{
    Trigger,
    Resolve,
}
