using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// A subnet as <c>/api/1.0/subnets/</c> documents it (Device42 API 2.0 swagger, <c>IPAMsubnets</c>): its
/// <c>subnet_id</c>, <c>network</c>, <c>mask_bits</c>, VRF group (<c>vrf_group_id</c>, <c>vrf_group_name</c>), and
/// whether its network and broadcast addresses are usable (<c>allow_network_address</c>,
/// <c>allow_broadcast_address</c>, 'yes'/'no'). Its usage is not part of the object: it is counted from its IPs.
/// </summary>
internal sealed class SubnetItem
{
    [JsonPropertyName("subnet_id")]
    public Device42Number SubnetId { get; init; }

    [JsonPropertyName("network")]
    public string? Network { get; init; }

    [JsonPropertyName("mask_bits")]
    public Device42Number MaskBits { get; init; }

    [JsonPropertyName("vrf_group_id")]
    public Device42Number VrfGroupId { get; init; }

    [JsonPropertyName("vrf_group_name")]
    public string? VrfGroupName { get; init; }

    [JsonPropertyName("allow_network_address")]
    [JsonConverter(typeof(YesNoConverter))]
    public bool? AllowNetworkAddress { get; init; }

    [JsonPropertyName("allow_broadcast_address")]
    [JsonConverter(typeof(YesNoConverter))]
    public bool? AllowBroadcastAddress { get; init; }
}
