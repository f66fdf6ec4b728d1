using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// Source-generated JSON for Device42's answers: no reflection, so NativeAOT works. Counts are read as
/// <see cref="Device42Number"/> (numbers, numeric strings, empty strings); unknown fields are ignored.
/// </summary>
[JsonSourceGenerationOptions(Converters = [typeof(Device42NumberConverter)])]
[JsonSerializable(typeof(SoftwarePage))]
[JsonSerializable(typeof(SoftwareDetailsPage))]
[JsonSerializable(typeof(OperatingSystemPage))]
[JsonSerializable(typeof(SubnetPage))]
[JsonSerializable(typeof(IpPage))]
[JsonSerializable(typeof(PartModelPage))]
internal sealed partial class Device42Json : JsonSerializerContext;
