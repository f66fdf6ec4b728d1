using Edge.Core.Rules;

namespace Edge.Core.Alerts;

/// <summary>The life of one rule on one series. Owned and changed only by <see cref="AlertTracker"/>.</summary>
public sealed class Alert
{
    internal Alert(RuleDefinition rule, Series.Series series)
    {
        Rule = rule;
        Series = series;
        StateMask = StateMaskOf(rule, series);
    }

    public RuleDefinition Rule { get; }
    public Series.Series Series { get; }
    public AlertPhase Phase { get; internal set; }

    /// <summary>When the current Pending or Clearing phase began (UTC ticks).</summary>
    public long PhaseSince { get; internal set; }

    /// <summary>When the alert last started firing (UTC ticks).</summary>
    public long FiredAt { get; internal set; }

    /// <summary>The value the condition last saw (after the window aggregate).</summary>
    public double Value { get; internal set; } = double.NaN;

    /// <summary>A bit per state code the rule fires on.</summary>
    internal ulong StateMask { get; }

    public bool IsOpen => Phase is AlertPhase.Firing or AlertPhase.Clearing;

    private static ulong StateMaskOf(RuleDefinition rule, Series.Series series)
    {
        ulong mask = 0;
        foreach (var state in rule.States)
        {
            if (series.Info.TryStateCode(state, out var code) && code < 64)
                mask |= 1UL << code;
        }
        return mask;
    }
}
