namespace Edge.Inventory.Client;

/// <summary>
/// One page of a Device42 listing: the collection under its own key, and — only where the appliance gives them —
/// the page-level <c>total_count</c> and the <c>limit</c> it applied. Device42's API 2.0 swagger documents
/// <c>total_count</c> for software, subnets, IPs and part models, but not for software_details or operating systems,
/// and <c>limit</c> for software_details, subnets, IPs and part models only.
/// </summary>
internal interface IDevice42Page<T>
{
    Device42Number TotalCount { get; }
    Device42Number Limit { get; }
    List<T>? Items { get; }
}
