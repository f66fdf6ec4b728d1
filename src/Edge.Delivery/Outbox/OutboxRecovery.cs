namespace Edge.Delivery.Outbox;

/// <summary>The database failed its integrity check at start: where the bad file was kept, and why it was judged bad.</summary>
public sealed record OutboxRecovery(string KeptAt, string Reason, DateTimeOffset At);
