using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A page of <c>/api/1.0/software_details/</c>.</summary>
internal sealed class SoftwareDetailsPage : IDevice42Page<SoftwareDetail>
{
    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("limit")]
    public Device42Number Limit { get; init; }

    [JsonPropertyName("software_details")]
    public List<SoftwareDetail>? Items { get; init; }
}
