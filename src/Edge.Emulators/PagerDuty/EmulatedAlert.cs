namespace Edge.Emulators.PagerDuty;

/// <summary>PagerDuty's alert for one (routing key, dedup key): open after a trigger until a resolve.</summary>
public sealed record EmulatedAlert(string RoutingKey, string DedupKey, string Summary, string Severity, bool Open, int Triggers, int Incidents);
