using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>One installation: a software component found on a device.</summary>
internal sealed class SoftwareDetail
{
    [JsonPropertyName("software")]
    public string? Software { get; init; }

    [JsonPropertyName("device")]
    public string? Device { get; init; }
}
