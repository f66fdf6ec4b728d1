using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A software component: its name, its type (managed, unmanaged, prohibited, ignored) and the licences held.</summary>
internal sealed class SoftwareItem
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("software_type")]
    public string? SoftwareType { get; init; }

    [JsonPropertyName("licensed_count")]
    public int? LicensedCount { get; init; }
}
