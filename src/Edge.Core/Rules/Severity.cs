namespace Edge.Core.Rules;

/// <summary>PagerDuty's severities, most severe first.</summary>
public enum Severity
{
    Critical,
    Error,
    Warning,
    Info,
}
