using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>An IP address Device42 knows in a subnet; <c>available</c> ("yes"/"no") says whether it is free.</summary>
internal sealed class IpItem
{
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    [JsonPropertyName("available")]
    [JsonConverter(typeof(YesNoConverter))]
    public bool? Available { get; init; }
}
