using System.Text.Json.Serialization;
using Edge.Core.Alerts;
using Edge.Delivery.PagerDuty;

namespace Edge.Delivery;

/// <summary>Every JSON shape of the delivery stage, generated at build time: no reflection, so NativeAOT works.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertDetails))]
[JsonSerializable(typeof(PagerDutyEvent))]
[JsonSerializable(typeof(PagerDutyResponse))]
public sealed partial class DeliveryJsonContext : JsonSerializerContext;
