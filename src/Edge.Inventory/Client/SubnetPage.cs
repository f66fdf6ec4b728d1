using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A page of <c>/api/1.0/subnets/</c>.</summary>
internal sealed class SubnetPage : IDevice42Page<SubnetItem>
{
    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("limit")]
    public Device42Number Limit { get; init; }

    [JsonPropertyName("subnets")]
    public List<SubnetItem>? Items { get; init; }
}
