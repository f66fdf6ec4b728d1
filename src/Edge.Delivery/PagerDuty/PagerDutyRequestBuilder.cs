using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Delivery.Clock;
using Edge.Delivery.Configuration;
using Edge.Delivery.Outbox;

namespace Edge.Delivery.PagerDuty;

/// <summary>
/// Turns an outbox row, stored as <see cref="PagerDutyMapping"/> made it, into an Events API v2 request body with the
/// send-time parts added: the routing key, payload.timestamp and the outbox id. The whole request is kept under
/// 512,000 bytes (spec/pagerduty-events-v2.md) by shortening custom_details first, as Alertmanager does.
/// </summary>
public static class PagerDutyRequestBuilder
{
    /// <summary>"The whole request must stay under 512,000 bytes."</summary>
    public const int MaxRequestBytes = 512_000;

    public const string Client = "Edge";

    public static byte[] Build(OutboxEntry entry, RoutingKey key, DetectionTime detected)
    {
        var e = entry.Event;
        var details = Details(entry, detected);
        var timestamp = detected.At;
        var body = Serialize(e, key, timestamp, details);
        if (body.Length < MaxRequestBytes)
            return body;

        // Shorten what the on-call engineer needs least first: the recent readings, then the list of entities in
        // breach (halved until it fits, with a count of what was left out), then everything but the condition.
        details.Remove("recent");
        details["truncated"] = "custom_details shortened to keep the request under 512,000 bytes";
        body = Serialize(e, key, timestamp, details);
        if (details["entities"] is JsonArray entities)
        {
            var total = entities.Count;
            while (body.Length >= MaxRequestBytes && entities.Count > 1)
            {
                var keep = entities.Count / 2;
                while (entities.Count > keep)
                    entities.RemoveAt(entities.Count - 1);
                details["entities_omitted"] = total - entities.Count;
                body = Serialize(e, key, timestamp, details);
            }
        }
        if (body.Length >= MaxRequestBytes)
        {
            var kept = new JsonObject { ["truncated"] = "custom_details dropped: too large for PagerDuty's 512,000-byte limit", ["outbox_id"] = entry.Id };
            foreach (var name in (string[])["rule", "condition", "metric", "value", "unit", "clock_unsynchronized", "detected_seconds_before_send"])
            {
                if (details[name] is JsonValue v && v.ToString().Length < 4096)
                    kept[name] = v.DeepClone();
            }
            // Who owns the box (appliance.contact) goes into every event, the shortest one included.
            if (details["contact"] is JsonObject contact && contact.ToJsonString().Length < 4096)
                kept["contact"] = contact.DeepClone();
            body = Serialize(e, key, timestamp, kept);
        }
        return body;
    }

    private static JsonObject Details(OutboxEntry entry, DetectionTime detected)
    {
        var e = entry.Event;
        JsonObject details;
        try
        {
            details = JsonNode.Parse(e.DetailsJson) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            details = new JsonObject { ["unreadable_details"] = true };
        }
        // The outbox id names this event for the operator (edge queue list) and lets a receiver spot a resend.
        details["outbox_id"] = entry.Id;
        if (detected.At is null)
        {
            // No wall time of detection can be vouched for: no payload.timestamp (PagerDuty then uses its receipt
            // time), and how long before sending it was detected, by the monotonic clock, when this boot saw it.
            details["clock_unsynchronized"] = true;
            if (detected.Age is { } age)
                details["detected_seconds_before_send"] = Math.Round(age.TotalSeconds, 3);
            else
            {
                details["boot_id"] = e.BootId;
                details["detected_since_boot_s"] = Math.Round(e.SinceBoot.TotalSeconds, 3);
            }
        }
        return details;
    }

    private static byte[] Serialize(OutboxEvent e, RoutingKey key, DateTimeOffset? timestamp, JsonObject details)
    {
        var request = new PagerDutyEvent
        {
            RoutingKey = key.Value,
            EventAction = PagerDutyMapping.ActionName(e.Action),
            DedupKey = e.DedupKey,
            Client = Client,
            // A resolve needs no payload, but sending it keeps the detection time of the resolve on record.
            Payload = e.Payload with { Timestamp = timestamp is { } t ? Timestamp(t) : null, CustomDetails = details },
        };
        return JsonSerializer.SerializeToUtf8Bytes(request, DeliveryJsonContext.Default.PagerDutyEvent);
    }

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
