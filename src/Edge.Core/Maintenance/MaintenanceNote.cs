namespace Edge.Core.Maintenance;

/// <summary>
/// custom_details of a trigger held back by a maintenance window and sent when the window ended with the alert still
/// firing: the responder sees that the page is late on purpose, why, and since when the condition holds.
/// </summary>
public sealed record MaintenanceNote(string Text, long Window, string Reason, string StartedBy, DateTimeOffset AlertBegan, DateTimeOffset WindowEnded);
