using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A page of <c>/api/1.0/software/</c>.</summary>
internal sealed class SoftwarePage : IDevice42Page<SoftwareItem>
{
    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("limit")]
    public Device42Number Limit { get; init; }

    [JsonPropertyName("software")]
    public List<SoftwareItem>? Items { get; init; }
}
