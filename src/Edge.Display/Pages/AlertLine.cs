using Edge.Core.Rules;

namespace Edge.Display.Pages;

/// <summary>An open alert: its rule, entity, severity (null when its rule has left the configuration) and whether it fires yet.</summary>
public sealed record AlertLine(string RuleId, string Entity, Severity? Severity, bool Firing)
{
    /// <summary>PagerDuty's order: critical, error, warning, info.</summary>
    public int Rank => Severity switch
    {
        Core.Rules.Severity.Critical => 0,
        Core.Rules.Severity.Error => 1,
        Core.Rules.Severity.Warning => 2,
        _ => 3,
    };

    public bool IsCritical => Firing && Severity == Core.Rules.Severity.Critical;

    /// <summary>The severity as the glass shows it, cut to four letters: CRIT, ERRO, WARN, INFO.</summary>
    public string Label => Severity?.ToString().ToUpperInvariant() is { } name ? name[..Math.Min(4, name.Length)] : "";
}
