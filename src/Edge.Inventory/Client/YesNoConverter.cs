using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>Device42 writes flags as "yes"/"no" in some versions and as JSON booleans in others; both are read.</summary>
internal sealed class YesNoConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString()?.ToLowerInvariant() switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            var other => throw new JsonException($"'{other}' is not a flag; expected yes or no"),
        },
        _ => throw new JsonException($"a flag must be yes/no or true/false, not {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v)
            writer.WriteStringValue(v ? "yes" : "no");
        else
            writer.WriteNullValue();
    }
}
