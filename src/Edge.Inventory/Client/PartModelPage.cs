using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A page of <c>/api/1.0/partmodels/</c>.</summary>
internal sealed class PartModelPage : IDevice42Page<PartModelItem>
{
    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("limit")]
    public Device42Number Limit { get; init; }

    [JsonPropertyName("partmodels")]
    public List<PartModelItem>? Items { get; init; }
}
