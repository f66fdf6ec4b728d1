namespace Edge.Inventory.Emulator;

/// <summary>An operating system, the devices that run it, and the licences held.</summary>
public sealed record EmulatedOperatingSystem(string Name, int Count, int? LicensedCount = null);
