namespace Edge.Inventory.Emulator;

/// <summary>A software component the emulator serves; Type is Device42's software_type (Managed, Prohibited, ...).</summary>
public sealed record EmulatedSoftware(string Name, string Type = "Managed", int? LicensedCount = null);
