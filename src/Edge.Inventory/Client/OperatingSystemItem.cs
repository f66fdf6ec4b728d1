using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// An operating system as <c>/api/1.0/operatingsystems/</c> documents it (Device42 API 2.0 swagger,
/// <c>OperatingSystems</c>; device42-docs infrastructure-management/operating-systems: "Total Count" of devices
/// running it, "Discovered Licensed Count", "Discovered Non-Licensed Count"): licensed + not licensed = total.
/// </summary>
internal sealed class OperatingSystemItem
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("licensed_count")]
    public Device42Number LicensedCount { get; init; }

    [JsonPropertyName("not_licensed_count")]
    public Device42Number NotLicensedCount { get; init; }
}
