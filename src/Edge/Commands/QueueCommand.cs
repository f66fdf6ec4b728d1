using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Edge.Delivery.Clock;
using Edge.Delivery.Outbox;

namespace Edge.Commands;

/// <summary>
/// <c>edge queue list [--json]</c>, <c>edge queue retry ID|--all-parked</c>, <c>edge queue purge --delivered</c>:
/// the outbox as the operator sees it. Rows carry route names, never routing keys.
/// </summary>
internal static class QueueCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "one JSON object instead of a table" };
        var list = new Command("list", "pending, parked (rejected) and recently delivered events, with age and last error") { json };
        list.SetAction(parse => WithStore(parse, "queue list", (config, store) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var counts = store.Counts();
            var entries = store.List();
            var detected = OperatorDelivery.Detection(config, now);
            if (parse.GetValue(json))
                WriteJson(counts, entries, detected, now);
            else
                WriteTable(counts, entries, detected, now);
            return ExitCodes.Ok;
        }));

        var id = new Argument<long?>("ID") { Description = "the outbox id of a parked event (edge queue list)", Arity = ArgumentArity.ZeroOrOne };
        var allParked = new Option<bool>("--all-parked") { Description = "every parked event" };
        var retry = new Command("retry", "send a parked (rejected) event again") { id, allParked };
        retry.SetAction(async (parse, cancel) =>
        {
            if (OperatorDelivery.Config(parse, "queue retry") is not { } config)
                return ExitCodes.Invalid;
            using var store = OperatorDelivery.Open(config, "queue retry");
            if (store is null)
                return ExitCodes.Failure;
            List<long> ids;
            if (parse.GetValue(allParked))
            {
                ids = store.List(0).Where(e => e.Status == OutboxStatus.Parked).Select(e => e.Id).ToList();
                var queued = store.RetryAllParked();
                Console.WriteLine($"{queued} parked events queued again");
                ids = ids.Where(i => store.Get(i)?.Status == OutboxStatus.Pending).ToList();
            }
            else if (parse.GetValue(id) is { } which)
            {
                switch (store.Retry(which))
                {
                    case true:
                        Console.WriteLine($"outbox {which} queued again");
                        break;
                    case null:
                        Console.Error.WriteLine($"edge queue retry: outbox {which} is a trigger whose dedup key has a later event delivered; resending it would reopen an incident nothing closes");
                        return ExitCodes.Failure;
                    default:
                        Console.Error.WriteLine($"edge queue retry: outbox {which} is not a parked event");
                        return ExitCodes.Failure;
                }
                ids = [which];
            }
            else
            {
                Console.Error.WriteLine("edge queue retry: give an outbox ID or --all-parked");
                return ExitCodes.Invalid;
            }
            if (ids.Count == 0 || config.Delivery.RoutingKey is null && config.Delivery.Routes.Count == 0)
                return ExitCodes.Ok;
            return await OperatorDelivery.DeliverAsync(config, store, ids, cancel) ? ExitCodes.Ok : ExitCodes.Failure;
        });

        var delivered = new Option<bool>("--delivered") { Description = "remove every delivered event" };
        var purge = new Command("purge", "remove delivered events from the outbox") { delivered };
        purge.SetAction(parse => WithStore(parse, "queue purge", (_, store) =>
        {
            if (!parse.GetValue(delivered))
            {
                Console.Error.WriteLine("edge queue purge: say what to purge: --delivered");
                return ExitCodes.Invalid;
            }
            Console.WriteLine($"{store.PurgeDelivered()} delivered events removed");
            return ExitCodes.Ok;
        }));

        var queue = new Command("queue", "the outbox: pending, delivered and parked events");
        queue.Subcommands.Add(list);
        queue.Subcommands.Add(retry);
        queue.Subcommands.Add(purge);
        return queue;
    }

    private static int WithStore(ParseResult parse, string command, Func<Configuration.EdgeConfig, OutboxStore, int> action)
    {
        if (OperatorDelivery.Config(parse, command) is not { } config)
            return ExitCodes.Invalid;
        using var store = OperatorDelivery.Open(config, command);
        return store is null ? ExitCodes.Failure : action(config, store);
    }

    /// <summary>AGE is since detection, by the forwarder's rule: "?" for an event of an earlier boot stamped on an unsynchronized clock.</summary>
    private static string DetectedAge(DetectionTime detected, DateTimeOffset now) =>
        detected.Age is { } age ? Age(age) : detected.At is { } at ? Age(now - at) : "?";

    private static void WriteTable(OutboxCounts counts, IReadOnlyList<OutboxEntry> entries, Func<OutboxEvent, DetectionTime> detection, DateTimeOffset now)
    {
        Console.WriteLine($"{counts.Pending} pending, {counts.Parked} parked, {counts.Delivered} delivered" +
            (counts.Suppressed > 0 ? $", {counts.Suppressed} suppressed by maintenance (recorded, not sent)" : "") +
            (entries.FirstOrDefault(e => e.Status == OutboxStatus.Pending) is { } oldest ? $"; oldest pending {DetectedAge(detection(oldest.Event), now)} old" : ""));
        if (counts.DroppedExpired + counts.DroppedFull + counts.Coalesced > 0)
            Console.WriteLine($"dropped by the bounds: {counts.DroppedExpired} past retention, {counts.DroppedFull} when full, {counts.Coalesced} superseded (coalesced)");
        if (counts.Recovery is { } recovery)
            Console.WriteLine($"database replaced at start after failing its integrity check: {recovery}");
        if (entries.Count == 0)
            return;
        Console.WriteLine($"{"ID",6}  {"STATUS",-9}  {"AGE",6}  {"TRIES",5}  {"ACTION",-7}  {"ROUTE",-8}  DEDUP KEY / LAST ERROR");
        foreach (var e in entries)
        {
            var route = e.Event.Route.Length == 0 ? "default" : e.Event.Route;
            Console.WriteLine($"{e.Id,6}  {e.Status.ToString().ToLowerInvariant(),-9}  {DetectedAge(detection(e.Event), now),6}  {e.Attempts,5}  {e.Event.Action.ToString().ToLowerInvariant(),-7}  {route,-8}  {e.Event.DedupKey}");
            if (e.LastError is { } error && e.Status != OutboxStatus.Delivered)
                Console.WriteLine($"{"",50}{error}");
            if (e.Event.SuppressedBy is { } window)
                Console.WriteLine($"{"",50}suppressed by maintenance {window}");
        }
    }

    private static void WriteJson(OutboxCounts counts, IReadOnlyList<OutboxEntry> entries, Func<OutboxEvent, DetectionTime> detection, DateTimeOffset now)
    {
        using var stream = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("pending", counts.Pending);
            w.WriteNumber("parked", counts.Parked);
            w.WriteNumber("delivered", counts.Delivered);
            w.WriteNumber("suppressed", counts.Suppressed);
            w.WriteStartObject("dropped");
            w.WriteNumber("expired", counts.DroppedExpired);
            w.WriteNumber("full", counts.DroppedFull);
            w.WriteNumber("coalesced", counts.Coalesced);
            w.WriteEndObject();
            if (counts.Recovery is { } recovery)
                w.WriteString("recovery", recovery);
            w.WriteStartArray("events");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("id", e.Id);
                w.WriteString("status", e.Status.ToString().ToLowerInvariant());
                w.WriteString("action", e.Event.Action.ToString().ToLowerInvariant());
                w.WriteString("dedup_key", e.Event.DedupKey);
                w.WriteString("route", e.Event.Route.Length == 0 ? "default" : e.Event.Route);
                w.WriteString("severity", e.Event.Payload.Severity);
                w.WriteString("summary", e.Event.Payload.Summary);
                // The detection time by the forwarder's rule (null: not known on this clock), and the stored stamp as taken.
                var detected = detection(e.Event);
                if (detected.At is { } at)
                    w.WriteString("detected_at", at);
                else
                    w.WriteNull("detected_at");
                w.WriteString("stamped_at", e.Event.DetectedAt);
                w.WriteBoolean("clock_synchronized", e.Event.ClockSynchronized);
                w.WriteString("enqueued_at", e.EnqueuedAt);
                var age = detected.Age ?? (detected.At is { } known ? now - known : null);
                if (age is { } a)
                    w.WriteNumber("age_s", Math.Round(a.TotalSeconds, 1));
                else
                    w.WriteNull("age_s");
                w.WriteNumber("attempts", e.Attempts);
                if (e.DeliveredAt is { } delivered)
                    w.WriteString("delivered_at", delivered);
                if (e.LastError is { } error)
                    w.WriteString("last_error", error);
                if (e.Event.SuppressedBy is { } window)
                    w.WriteNumber("suppressed_by", window);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static string Age(TimeSpan t) => t.TotalSeconds switch
    {
        < 0 => "0s",
        < 120 => $"{t.TotalSeconds:0}s",
        < 7200 => $"{t.TotalMinutes:0}m",
        < 172_800 => $"{t.TotalHours:0}h",
        _ => $"{t.TotalDays.ToString("0", CultureInfo.InvariantCulture)}d",
    };
}
