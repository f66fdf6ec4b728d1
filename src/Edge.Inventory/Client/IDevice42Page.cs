namespace Edge.Inventory.Client;

/// <summary>
/// One page of a Device42 listing: <c>{"total_count": N, "offset": O, "limit": L, "&lt;collection&gt;": [...]}</c>.
/// Only the collection's key differs between endpoints.
/// </summary>
internal interface IDevice42Page<T>
{
    int? TotalCount { get; }
    List<T>? Items { get; }
}
