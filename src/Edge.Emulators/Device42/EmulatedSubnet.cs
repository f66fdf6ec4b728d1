namespace Edge.Emulators.Device42;

/// <summary>
/// A subnet and how many of its addresses Device42 records as used and as available; VrfGroup is its VRF group's
/// name (null outside one), and the two flags say whether its network and broadcast addresses are usable.
/// </summary>
public sealed record EmulatedSubnet(int Id, string Network, int MaskBits, int UsedIps, int AvailableIps = 0, string? VrfGroup = null,
    bool AllowNetworkAddress = false, bool AllowBroadcastAddress = false);
