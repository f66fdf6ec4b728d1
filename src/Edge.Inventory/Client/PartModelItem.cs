using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A part model: how many parts of it there are, and how many are in stock (not assigned).</summary>
internal sealed class PartModelItem
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("available_count")]
    public int? AvailableCount { get; init; }
}
