using System.Text.Json.Serialization;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>Source-generated JSON for the status document: no reflection, so NativeAOT keeps working.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
