using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// One installation as <c>/api/1.0/software_details/</c> documents it (Device42 API 2.0 swagger,
/// <c>Get_Software_details</c>): the component's <c>software</c> name and <c>software_id</c>, and the <c>device</c>.
/// </summary>
internal sealed class SoftwareDetail
{
    [JsonPropertyName("software")]
    public string? Software { get; init; }

    [JsonPropertyName("software_id")]
    public Device42Number SoftwareId { get; init; }

    [JsonPropertyName("device")]
    public string? Device { get; init; }
}
