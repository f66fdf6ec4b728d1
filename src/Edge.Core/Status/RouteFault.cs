namespace Edge.Core.Status;

/// <summary>A route that cannot deliver for a reason the operator must see (edge status, /metrics, the LCD).</summary>
/// <param name="Route">The route's name ("default" for the default key); never its key.</param>
/// <param name="Error">The answer, with any routing key taken out.</param>
public sealed record RouteFault(string Route, RouteFaultKind Kind, string Error, DateTimeOffset Since);
