using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>A subnet of Device42's IPAM. Its usage is not part of the object: it is counted from its IPs.</summary>
internal sealed class SubnetItem
{
    [JsonPropertyName("subnet_id")]
    public int SubnetId { get; init; }

    [JsonPropertyName("network")]
    public string? Network { get; init; }

    [JsonPropertyName("mask_bits")]
    public int? MaskBits { get; init; }
}
