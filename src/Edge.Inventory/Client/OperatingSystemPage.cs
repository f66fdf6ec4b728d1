using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A page of <c>/api/1.0/operatingsystems/</c>.</summary>
internal sealed class OperatingSystemPage : IDevice42Page<OperatingSystemItem>
{
    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("limit")]
    public Device42Number Limit { get; init; }

    [JsonPropertyName("operatingsystems")]
    public List<OperatingSystemItem>? Items { get; init; }
}
