namespace Edge.Core.Rules;

/// <summary>How a rule reduces the readings of its window to one value.</summary>
public enum Aggregate
{
    Last,
    Avg,
    Min,
    Max,

    /// <summary>Change per minute between the oldest and newest reading of the window (NetBotz' rate of change).</summary>
    Rate,
}
