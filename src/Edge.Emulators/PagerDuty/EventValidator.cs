using System.Globalization;
using System.Text.Json;

namespace Edge.Emulators.PagerDuty;

/// <summary>
/// PagerDuty's checks on an Events API v2 request, as strict as the published schema (spec/pagerduty-events-v2.md):
/// required fields, enums, lengths, the 32-character alphanumeric routing key, https images. Returns PagerDuty-style error texts,
/// which never repeat the routing key.
/// </summary>
public static class EventValidator
{
    public const int MaxRequestBytes = 512_000;

    public const string WrongKeyLength = "Length of 'routing_key' is incorrect (should be 32 characters)";
    public const string NonAlphanumericKey = "'routing_key' cannot contain non-alphanumeric characters.";

    private static readonly string[] Actions = ["trigger", "acknowledge", "resolve"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];
    private static readonly string[] TopLevel = ["routing_key", "event_action", "dedup_key", "payload", "client", "client_url", "links", "images"];
    private static readonly string[] PayloadFields = ["summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details"];

    public static List<string> Validate(ReadOnlySpan<byte> body)
    {
        var errors = new List<string>();
        if (body.Length >= MaxRequestBytes)
        {
            errors.Add($"Request body is {body.Length} bytes; the maximum is {MaxRequestBytes - 1}");
            return errors;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            errors.Add("Request body is not valid JSON");
            return errors;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("Event object is not a JSON object");
                return errors;
            }
            foreach (var property in root.EnumerateObject())
            {
                if (!TopLevel.Contains(property.Name))
                    errors.Add($"'{property.Name}' is not a permitted field");
            }
            var key = String(root, "routing_key", errors, required: true);
            // PagerDuty's own texts, both at once for a key that breaks both rules (a 20-character REST API key with
            // '+', '-', '_' got exactly this pair: github.com/blockpane/tenderduty issue 10; the length text alone:
            // github.com/envato/pagerduty issue 70).
            if (key is { Length: > 0 } && key.Length != 32)
                errors.Add(WrongKeyLength);
            if (key is { Length: > 0 } && !key.All(char.IsAsciiLetterOrDigit))
                errors.Add(NonAlphanumericKey);
            var action = String(root, "event_action", errors, required: true);
            if (action is not null && !Actions.Contains(action))
                errors.Add("'event_action' must be one of trigger, acknowledge, resolve");
            var dedup = String(root, "dedup_key", errors, required: action is "acknowledge" or "resolve");
            if (dedup is { Length: > 255 })
                errors.Add("'dedup_key' is too long (maximum is 255 characters)");
            if (root.TryGetProperty("payload", out var payload))
                Payload(payload, errors);
            else if (action == "trigger")
                errors.Add("'payload' is missing or blank");
            if (root.TryGetProperty("images", out var images))
            {
                if (images.ValueKind != JsonValueKind.Array)
                    errors.Add("'images' must be an array");
                else
                {
                    foreach (var image in images.EnumerateArray())
                    {
                        if (image.ValueKind != JsonValueKind.Object || !image.TryGetProperty("src", out var src) || src.ValueKind != JsonValueKind.String
                            || !src.GetString()!.StartsWith("https://", StringComparison.Ordinal))
                            errors.Add("'images[].src' must be an https URL");
                    }
                }
            }
        }
        return errors;
    }

    private static void Payload(JsonElement payload, List<string> errors)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors.Add("'payload' must be an object");
            return;
        }
        foreach (var property in payload.EnumerateObject())
        {
            if (!PayloadFields.Contains(property.Name))
                errors.Add($"'payload.{property.Name}' is not a permitted field");
        }
        var summary = String(payload, "summary", errors, required: true);
        // PagerDuty's own text, typo included.
        if (summary is { Length: > 1024 })
            errors.Add("'summary' is too long (maiximum is 1024 characters)");
        String(payload, "source", errors, required: true);
        var severity = String(payload, "severity", errors, required: true);
        if (severity is not null && !Severities.Contains(severity))
            errors.Add("'severity' must be one of critical, error, warning, info");
        if (String(payload, "timestamp", errors, required: false) is { } timestamp
            && !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            errors.Add("'timestamp' is not a valid ISO 8601 time");
        foreach (var name in (string[])["component", "group", "class"])
            String(payload, name, errors, required: false);
        if (payload.TryGetProperty("custom_details", out var details) && details.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            errors.Add("'custom_details' must be an object");
    }

    private static string? String(JsonElement element, string name, List<string> errors, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                errors.Add($"'{name}' is missing or blank");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"'{name}' must be a string");
            return null;
        }
        var text = value.GetString()!;
        if (required && text.Length == 0)
            errors.Add($"'{name}' is missing or blank");
        return text;
    }
}
