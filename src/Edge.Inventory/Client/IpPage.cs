using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A page of <c>/api/1.0/ips/</c>.</summary>
internal sealed class IpPage : IDevice42Page<IpItem>
{
    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("limit")]
    public Device42Number Limit { get; init; }

    [JsonPropertyName("ips")]
    public List<IpItem>? Items { get; init; }
}
