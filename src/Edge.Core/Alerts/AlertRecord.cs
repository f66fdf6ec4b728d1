namespace Edge.Core.Alerts;

/// <summary>
/// What must survive a restart or a reload of one alert that is not Ok: a firing alert must not be forgotten and a
/// long <c>for</c> must not restart. <see cref="RuleFingerprint"/> tells whether the rule still sends to the same
/// incident (same grouping, same routing key).
/// </summary>
public sealed record AlertRecord(string RuleId, string Entity, string RuleFingerprint, AlertPhase Phase, long PhaseSince, long FiredAt, double Value);
