using System.Text;
using System.Text.Json.Nodes;
using Edge.Core.Alerts;
using Edge.Core.Rules;
using Edge.Delivery.Clock;
using Edge.Delivery.Configuration;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Edge.Delivery.PagerDuty;

namespace Edge.Delivery.Tests.PagerDuty;

public class PagerDutyRequestBuilderTests
{
    private static readonly RoutingKey Key = new(Support.Pipeline.Key, "test");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DetectionTime Known = new(At, TimeSpan.FromSeconds(2));

    private static OutboxEntry Entry(string summary = "s1 is hot", string details = """{"rule":"rack-hot"}""", bool synced = true) => new(
        42,
        new OutboxEvent
        {
            Route = "", DedupKey = "dc1-r12/rack-hot/s1", Action = EventAction.Trigger,
            Payload = PagerDutyMapping.Payload(Support.Pipeline.Event(EventAction.Trigger, "s1", At, Severity.Critical) with { Summary = summary }), DetailsJson = details, DetectedAt = At, BootId = "b", SinceBoot = TimeSpan.FromSeconds(90),
            ClockSynchronized = synced,
        },
        OutboxStatus.Pending, 0, At, null, null, null);

    [Fact]
    public void The_request_carries_the_detection_time_the_dedup_key_and_the_outbox_id()
    {
        var body = JsonNode.Parse(PagerDutyRequestBuilder.Build(Entry(), Key, Known))!;

        Assert.Equal(Support.Pipeline.Key, (string?)body["routing_key"]);
        Assert.Equal("trigger", (string?)body["event_action"]);
        Assert.Equal("dc1-r12/rack-hot/s1", (string?)body["dedup_key"]);
        Assert.Equal("2026-11-26T12:00:00.000Z", (string?)body["payload"]!["timestamp"]);
        Assert.Equal(42, (long?)body["payload"]!["custom_details"]!["outbox_id"]);
        Assert.Empty(EventValidator.Validate(PagerDutyRequestBuilder.Build(Entry(), Key, Known)));
    }

    [Fact]
    public void A_summary_over_1024_characters_is_sent_cut_so_PagerDuty_accepts_it()
    {
        var body = PagerDutyRequestBuilder.Build(Entry(summary: new string('x', 5000)), Key, Known);

        Assert.Equal(new string('x', 1023) + "…", (string?)JsonNode.Parse(body)!["payload"]!["summary"]);
        Assert.Empty(EventValidator.Validate(body));
    }

    [Fact]
    public void Huge_custom_details_are_shortened_below_512000_bytes_keeping_the_condition()
    {
        var entities = new JsonArray();
        for (var i = 0; i < 20_000; i++)
            entities.Add(new JsonObject { ["entity"] = $"pdu-{i}/outlet/{i}", ["value"] = new string('9', 20), ["since"] = "2026-11-26T12:00:00Z" });
        var details = new JsonObject { ["rule"] = "outlet-hot", ["condition"] = "current_a > 10", ["entities"] = entities, ["recent"] = new JsonArray("1", "2") };
        Assert.True(Encoding.UTF8.GetByteCount(details.ToJsonString()) > PagerDutyRequestBuilder.MaxRequestBytes);

        var body = PagerDutyRequestBuilder.Build(Entry(details: details.ToJsonString()), Key, Known);

        Assert.InRange(body.Length, 1, PagerDutyRequestBuilder.MaxRequestBytes - 1);
        Assert.Empty(EventValidator.Validate(body));
        var sent = JsonNode.Parse(body)!["payload"]!["custom_details"]!;
        Assert.Equal("current_a > 10", (string?)sent["condition"]);
        Assert.NotNull(sent["truncated"]);
        Assert.True((int?)sent["entities_omitted"] > 0);
        Assert.Null(sent["recent"]);
    }

    [Fact]
    public void Custom_details_too_large_to_shorten_are_dropped_but_the_condition_and_the_contact_stay()
    {
        var details = new JsonObject
        {
            ["rule"] = "rack-hot", ["condition"] = "temperature_c > 27", ["reason"] = new string('r', 600_000),
            ["contact"] = new JsonObject { ["name"] = "Ops DC1", ["email"] = "ops-dc1@example.com" },
        };

        var body = PagerDutyRequestBuilder.Build(Entry(details: details.ToJsonString()), Key, Known);

        Assert.InRange(body.Length, 1, PagerDutyRequestBuilder.MaxRequestBytes - 1);
        var sent = JsonNode.Parse(body)!["payload"]!["custom_details"]!;
        Assert.StartsWith("custom_details dropped", (string?)sent["truncated"], StringComparison.Ordinal);
        Assert.Null(sent["reason"]);
        Assert.Equal("temperature_c > 27", (string?)sent["condition"]);
        Assert.Equal("ops-dc1@example.com", (string?)sent["contact"]!["email"]);
    }

    [Fact]
    public void Sent_on_an_unsynchronized_clock_it_carries_no_timestamp_and_how_long_before_sending_it_was_detected()
    {
        var body = PagerDutyRequestBuilder.Build(Entry(synced: false), Key, new DetectionTime(null, TimeSpan.FromMilliseconds(12_345)));

        var payload = JsonNode.Parse(body)!["payload"]!;
        Assert.Null(payload["timestamp"]);
        Assert.True((bool?)payload["custom_details"]!["clock_unsynchronized"]);
        Assert.Equal(12.345, (double?)payload["custom_details"]!["detected_seconds_before_send"]);
        Assert.Empty(EventValidator.Validate(body));
    }

    [Fact]
    public void An_event_of_an_earlier_boot_stamped_on_an_unsynchronized_clock_says_which_boot_and_when_in_it()
    {
        var details = JsonNode.Parse(PagerDutyRequestBuilder.Build(Entry(synced: false), Key, new DetectionTime(null, null)))!["payload"]!["custom_details"]!;

        Assert.True((bool?)details["clock_unsynchronized"]);
        Assert.Equal("b", (string?)details["boot_id"]);
        Assert.Equal(90, (double?)details["detected_since_boot_s"]);
        Assert.Null(details["detected_seconds_before_send"]);
    }

    [Fact]
    public void A_routing_key_names_only_where_it_came_from()
    {
        Assert.DoesNotContain(Support.Pipeline.Key, Key.ToString());
        Assert.DoesNotContain(Support.Pipeline.Key, $"{Key}");
    }
}
