using Edge.Inventory.Client;

namespace Edge.Inventory;

/// <summary>One complete read of Device42: every listing whole, the IPs keyed by subnet id.</summary>
internal sealed record InventorySnapshot(
    IReadOnlyList<SoftwareItem> Software,
    IReadOnlyList<SoftwareDetail> Installs,
    IReadOnlyList<OperatingSystemItem> OperatingSystems,
    IReadOnlyList<SubnetItem> Subnets,
    IReadOnlyDictionary<int, IReadOnlyList<IpItem>> IpsBySubnet,
    IReadOnlyList<PartModelItem> PartModels);
