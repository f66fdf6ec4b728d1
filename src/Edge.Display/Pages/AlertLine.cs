namespace Edge.Display.Pages;

/// <summary>An open alert: its rule, entity, severity ("critical", "error", "warning", "info") and whether it fires yet.</summary>
public sealed record AlertLine(string RuleId, string Entity, string Severity, bool Firing)
{
    /// <summary>PagerDuty's order: critical, error, warning, info.</summary>
    public int Rank => Severity switch
    {
        "critical" => 0,
        "error" => 1,
        "warning" => 2,
        _ => 3,
    };

    public bool IsCritical => Firing && Severity == "critical";
}
