using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>An operating system: how many devices run it and how many licences are held.</summary>
internal sealed class OperatingSystemItem
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("licensed_count")]
    public int? LicensedCount { get; init; }
}
