namespace Edge.Core.Rules;

/// <summary>
/// Built-in rule sets an operator enables in one line: <c>{ "preset": "ashrae-a1" }</c>.
/// <para><c>ashrae-a1</c>: ASHRAE TC 9.9 (2021) recommended envelope for class A1 equipment: dry bulb 18–27 °C,
/// dew point −9 to 15 °C, relative humidity at most 60 %. Held for 5 minutes before paging, with 0.5 °C / 2 %RH of
/// hysteresis so a rack hovering on a limit pages once.</para>
/// <para><c>ups-lost-on-battery</c>: a UPS (any SNMP device that reports <c>output_source</c>) whose last known state was
/// on battery and that then stops answering: critical at once, since its load may be about to drop. Resolves when the
/// device answers again. The derived metric is <c>lost_on_battery</c> (see <see cref="RuleEngine"/>).</para>
/// </summary>
public static class RulePresets
{
    public static readonly IReadOnlyList<string> Names = ["ashrae-a1", "ups-lost-on-battery"];

    public static IReadOnlyList<RuleDefinition> Expand(string name, Selector select, Severity? severity, TimeSpan? @for, GroupBy group) =>
        Base(name).Select(r => r with
        {
            Select = select,
            Severity = severity ?? r.Severity,
            For = @for ?? r.For,
            Group = group,
        }).ToList();

    private static RuleDefinition[] Base(string name) => name switch
    {
        "ashrae-a1" =>
        [
            Rule("ashrae-a1-temperature", Readings.Metrics.TemperatureC, below: 18, above: 27, clearBelow: 18.5, clearAbove: 26.5),
            Rule("ashrae-a1-dewpoint", Readings.Metrics.DewPointC, below: -9, above: 15, clearBelow: -8.5, clearAbove: 14.5),
            Rule("ashrae-a1-humidity", Readings.Metrics.HumidityPct, below: null, above: 60, clearBelow: null, clearAbove: 58),
        ],
        "ups-lost-on-battery" =>
        [
            new RuleDefinition
            {
                Id = "ups-lost-on-battery",
                Type = RuleType.Ups,
                Select = Selector.All,
                Metric = Readings.Metrics.LostOnBattery,
                Above = 0.5,
                Severity = Severity.Critical,
                Summary = "{entity} stopped answering while on battery: its load may be about to drop",
            },
        ],
        _ => throw new ArgumentException($"unknown preset '{name}'", nameof(name)),
    };

    private static RuleDefinition Rule(string id, string metric, double? below, double above, double? clearBelow, double clearAbove) => new()
    {
        Id = id,
        Type = RuleType.Sensor,
        Select = Selector.All,
        Metric = metric,
        Above = above,
        Below = below,
        ClearAbove = clearAbove,
        ClearBelow = clearBelow,
        For = TimeSpan.FromMinutes(5),
        ClearFor = TimeSpan.FromMinutes(1),
        Severity = Severity.Warning,
    };
}
