namespace Edge.Core.Rules;

/// <summary>
/// One validated alert rule (spec/rules.md). Thresholds are always the operator's.
/// <para>A numeric condition is "value &gt; Above or value &lt; Below"; once firing it clears only when the value is back
/// at or inside <see cref="ClearAbove"/> / <see cref="ClearBelow"/> (hysteresis; they default to the thresholds).
/// A state condition is "value is one of <see cref="States"/>". <c>rising</c> / <c>falling</c> are numeric
/// conditions on the <see cref="Aggregate.Rate"/> aggregate.</para>
/// </summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }
    public required RuleType Type { get; init; }
    public required Selector Select { get; init; }
    public required string Metric { get; init; }
    public double? Above { get; init; }
    public double? Below { get; init; }
    public double? ClearAbove { get; init; }
    public double? ClearBelow { get; init; }
    public IReadOnlyList<string> States { get; init; } = [];
    public Aggregate Aggregate { get; init; } = Aggregate.Last;
    public TimeSpan Window { get; init; }
    public TimeSpan For { get; init; }
    public TimeSpan ClearFor { get; init; }
    public GroupBy Group { get; init; } = GroupBy.Entity;
    public Severity Severity { get; init; } = Severity.Warning;
    public string? Summary { get; init; }

    /// <summary>The name of the routing key this rule's events go to; null for the default one.</summary>
    public string? Route { get; init; }

    public bool IsStateRule => States.Count > 0;

    /// <summary>The condition as an operator would write it, for event details and logs.</summary>
    public string Describe()
    {
        var value = Aggregate == Aggregate.Last ? Metric : $"{Aggregate.ToString().ToLowerInvariant()}({Metric}, {Durations.Format(Window)})";
        if (IsStateRule)
            return $"{value} in [{string.Join(", ", States)}]";
        var parts = new List<string>(2);
        if (Above is { } a)
            parts.Add($"{value} > {a}" + (ClearAbove is { } ca && ca != a ? $" (clears at {ca})" : ""));
        if (Below is { } b)
            parts.Add($"{value} < {b}" + (ClearBelow is { } cb && cb != b ? $" (clears at {cb})" : ""));
        return string.Join(" or ", parts);
    }
}
