namespace Edge.Emulators.Device42;

/// <summary>A part model: its parts, and how many of them are in stock.</summary>
public sealed record EmulatedPartModel(string Name, int Count, int AvailableCount);
