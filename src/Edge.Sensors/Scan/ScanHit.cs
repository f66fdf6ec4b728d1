namespace Edge.Sensors.Scan;

/// <summary>An address that answered, and what the chip there looks like.</summary>
public sealed record ScanHit(int Address, string Chip);
