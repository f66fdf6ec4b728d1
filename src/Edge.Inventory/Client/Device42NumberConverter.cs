using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Inventory.Client;

/// <summary>Reads a <see cref="Device42Number"/> from a JSON number, string or null; anything else is malformed, never a failed page.</summary>
internal sealed class Device42NumberConverter : JsonConverter<Device42Number>
{
    public override bool HandleNull => true;

    public override Device42Number Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.String:
                return Device42Number.Parse(reader.GetString());
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var value) && value >= 0
                    ? new(value)
                    : new(null, System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan));
            default:
                var kind = reader.TokenType;
                reader.Skip();
                return new(null, kind.ToString());
        }
    }

    public override void Write(Utf8JsonWriter writer, Device42Number value, JsonSerializerOptions options)
    {
        if (value.Value is { } v)
            writer.WriteNumberValue(v);
        else
            writer.WriteStringValue(value.Malformed ?? "");
    }
}
