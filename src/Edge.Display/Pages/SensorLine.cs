namespace Edge.Display.Pages;

/// <summary>One sensor's latest values; null where there is no current reading.</summary>
public sealed record SensorLine(string Id, double? TemperatureC, double? HumidityPct, bool Reachable = true);
