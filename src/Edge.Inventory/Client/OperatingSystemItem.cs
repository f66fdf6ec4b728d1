using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// An operating system as <c>/api/1.0/operatingsystems/</c> documents it (Device42 API 2.0 swagger,
/// <c>operatingSystems</c>): <c>total_count</c> devices run it; <c>licensed_count</c> is the licences held.
/// </summary>
internal sealed class OperatingSystemItem
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("total_count")]
    public int? TotalCount { get; init; }

    [JsonPropertyName("licensed_count")]
    public int? LicensedCount { get; init; }
}
