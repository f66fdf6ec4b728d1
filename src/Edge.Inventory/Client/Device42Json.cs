using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>
/// Source-generated JSON for Device42's answers: no reflection, so NativeAOT works. Counts are read from numbers or
/// from numeric strings (appliances differ); unknown fields are ignored.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SoftwarePage))]
[JsonSerializable(typeof(SoftwareDetailsPage))]
[JsonSerializable(typeof(OperatingSystemPage))]
[JsonSerializable(typeof(SubnetPage))]
[JsonSerializable(typeof(IpPage))]
[JsonSerializable(typeof(PartModelPage))]
internal sealed partial class Device42Json : JsonSerializerContext;
