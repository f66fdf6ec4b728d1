namespace Edge.Core.Readings;

/// <summary>A metric of the normalized vocabulary (spec/interfaces.md): its name, unit, and for state metrics the states.</summary>
public sealed class MetricInfo
{
    public MetricInfo(string name, string unit, string[]? states = null)
    {
        Name = name;
        Unit = unit;
        States = states;
    }

    public string Name { get; }
    public string Unit { get; }

    /// <summary>The states of a state metric, in code order; null for a numeric metric.</summary>
    public string[]? States { get; }

    public bool IsState => States is not null;

    public int StateCode(string state)
    {
        var index = States is null ? -1 : Array.IndexOf(States, state);
        if (index < 0)
            throw new ArgumentException($"'{state}' is not a state of {Name}; allowed: {string.Join(", ", States ?? [])}", nameof(state));
        return index;
    }

    public bool TryStateCode(string state, out int code)
    {
        code = States is null ? -1 : Array.IndexOf(States, state);
        return code >= 0;
    }

    /// <summary>The reading's value as an operator reads it: the state name, or the number.</summary>
    public string Format(double value) =>
        States is not null && value >= 0 && value < States.Length ? States[(int)value] : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
