using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// A part model as <c>/api/1.0/partmodels/</c> documents it (Device42 API 2.0 swagger, <c>Partmodels_partmodels</c>):
/// <c>total_count</c> parts of the model, <c>available</c> of them in stock (the rest <c>used</c>, in devices, in RMA,
/// in transit).
/// </summary>
internal sealed class PartModelItem
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("total_count")]
    public Device42Number TotalCount { get; init; }

    [JsonPropertyName("available")]
    public Device42Number Available { get; init; }
}
