using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// A software component as <c>/api/1.0/software/</c> documents it (Device42 API 2.0 swagger,
/// <c>Get_Software_Component_details</c>): its <c>id</c>, <c>name</c>, <c>software_type</c> (managed, unmanaged,
/// prohibited or ignored), <c>licensed_count</c> (licences held) and <c>discovered_count</c> (installations found).
/// </summary>
internal sealed class SoftwareItem
{
    [JsonPropertyName("id")]
    public Device42Number Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("software_type")]
    public string? SoftwareType { get; init; }

    [JsonPropertyName("licensed_count")]
    public Device42Number LicensedCount { get; init; }

    [JsonPropertyName("discovered_count")]
    public Device42Number DiscoveredCount { get; init; }
}
