using Edge.Inventory.Client;

namespace Edge.Inventory;

/// <summary>
/// One complete read of Device42: every listing whole, the installations of the prohibited software (complete only
/// when every prohibited component's installations could be asked for), and the IPs in use per subnet id.
/// </summary>
internal sealed record InventorySnapshot(
    IReadOnlyList<SoftwareItem> Software,
    IReadOnlyList<(string Software, string Device)> ProhibitedInstalls,
    bool ProhibitedComplete,
    IReadOnlyList<OperatingSystemItem> OperatingSystems,
    IReadOnlyList<SubnetItem> Subnets,
    IReadOnlyDictionary<int, int> UsedIpsBySubnet,
    IReadOnlyList<PartModelItem> PartModels);
