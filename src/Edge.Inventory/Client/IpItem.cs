using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// An IP address as <c>/api/1.0/ips/</c> documents it (Device42 API 2.0 swagger, <c>IPAMips</c>): its
/// <c>subnet_id</c> and whether it is free (<c>available</c>, 'yes'/'no').
/// </summary>
internal sealed class IpItem
{
    [JsonPropertyName("subnet_id")]
    public Device42Number SubnetId { get; init; }

    [JsonPropertyName("available")]
    [JsonConverter(typeof(YesNoConverter))]
    public bool? Available { get; init; }
}
