namespace Edge.Inventory.Emulator;

/// <summary>A subnet and how many of its addresses Device42 records as used and as available.</summary>
public sealed record EmulatedSubnet(int Id, string Network, int MaskBits, int UsedIps, int AvailableIps = 0);
