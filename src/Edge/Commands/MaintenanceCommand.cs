using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Edge.Configuration;
using Edge.Core.Maintenance;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;

namespace Edge.Commands;

/// <summary>
/// <c>edge maintenance start|list|end|extend</c>: maintenance windows, written to the state database beside the
/// running daemon, which notices them without a restart (like <c>edge queue</c>). Records who did it: the user behind
/// sudo, else the login user.
/// </summary>
internal static class MaintenanceCommand
{
    public static Command Create()
    {
        var selector = new Argument<string>("SELECTOR") { Description = "what is worked on: a device id (covers its own entities too), an entity id, a glob such as 'pdu-*', or '*' for the whole appliance; several separated by commas" };
        var rules = new Option<string?>("--rules") { Description = "only these rule ids (comma-separated); default every rule" };
        var length = new Option<string>("--for") { Description = "how long, e.g. 30m or 2h (at most maintenance.maxDuration, default 8h)", Required = true };
        var reason = new Option<string>("--reason") { Description = "why, for the log, edge status and the late page", Required = true };
        var start = new Command("start", "open a maintenance window: covered alerts keep evaluating but are not paged unless still firing at its end") { selector, rules, length, reason };
        start.SetAction(parse => WithStore(parse, "maintenance start", (config, store) => Start(config, store, parse.GetValue(selector)!, parse.GetValue(rules),
            parse.GetValue(length)!, parse.GetValue(reason)!)));

        var json = new Option<bool>("--json") { Description = "one JSON object instead of a table" };
        var list = new Command("list", "every open maintenance window, with the time it has left") { json };
        list.SetAction(parse => WithStore(parse, "maintenance list", (_, store) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var open = store.MaintenanceWindows(now).Where(w => w.IsOpenAt(now)).ToList();
            if (parse.GetValue(json))
                WriteJson(open, now);
            else
                WriteTable(open, now);
            return ExitCodes.Ok;
        }));

        var id = new Argument<long?>("ID") { Description = "the window's id (edge maintenance list)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "every open window" };
        var end = new Command("end", "end a maintenance window now: alerts it held that still fire are paged") { id, all };
        end.SetAction(parse => WithStore(parse, "maintenance end", (_, store) =>
        {
            if (parse.GetValue(all))
            {
                Console.WriteLine($"{store.EndAllMaintenance(OperatorName())} maintenance windows ended");
                return ExitCodes.Ok;
            }
            if (parse.GetValue(id) is not { } which)
            {
                Console.Error.WriteLine("edge maintenance end: give a window ID or --all");
                return ExitCodes.Invalid;
            }
            if (!store.SetMaintenanceEnd(which, TimeProvider.System.GetUtcNow(), OperatorName()))
            {
                Console.Error.WriteLine($"edge maintenance end: no open maintenance window {which} (edge maintenance list)");
                return ExitCodes.Failure;
            }
            Console.WriteLine($"maintenance {which} ended");
            return ExitCodes.Ok;
        }));

        var extendId = new Argument<long>("ID") { Description = "the window's id (edge maintenance list)" };
        var by = new Argument<string>("DURATION") { Description = "how much longer, e.g. 30m" };
        var extend = new Command("extend", "give an open maintenance window more time") { extendId, by };
        extend.SetAction(parse => WithStore(parse, "maintenance extend", (config, store) => Extend(config, store, parse.GetValue(extendId), parse.GetValue(by)!)));

        var maintenance = new Command("maintenance", "maintenance windows: mute a device, a rack part or the appliance while people work on it");
        maintenance.Subcommands.Add(start);
        maintenance.Subcommands.Add(list);
        maintenance.Subcommands.Add(end);
        maintenance.Subcommands.Add(extend);
        return maintenance;
    }

    /// <summary>Who is at the keyboard: sudo's caller rather than root, else the login user.</summary>
    internal static string OperatorName() =>
        Environment.GetEnvironmentVariable("SUDO_USER") is { Length: > 0 } sudoUser ? sudoUser : Environment.UserName;

    private static int Start(EdgeConfig config, OutboxStore store, string selectorText, string? rulesText, string lengthText, string reason)
    {
        var problems = new List<string>();
        var selector = MaintenanceWindow.ParseSelector(selectorText);
        if (selector.Patterns.Count == 0)
            problems.Add("SELECTOR: give a device id, an entity id, a glob or '*'");
        var devices = config.Monitor.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in selector.Patterns.Where(p => !Selector.IsGlob(p)))
        {
            var device = pattern.Split('/')[0];
            if (!devices.Contains(device) && !EntityId.TryParseInventory(pattern, out _))
                problems.Add($"SELECTOR: '{pattern}' is no device of this configuration; devices: {string.Join(", ", devices.Order())}");
        }
        var ruleIds = (rulesText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var rule in ruleIds.Where(r => config.Monitor.Rules.All(x => x.Id != r)))
            problems.Add($"--rules: '{rule}' is no rule of this configuration; rules: {string.Join(", ", config.Monitor.Rules.Select(r => r.Id))}");
        if (!Durations.TryParse(lengthText, out var length))
            problems.Add($"--for: '{lengthText}' is not a duration; allowed: {Durations.Allowed}");
        else if (MaintenanceWindow.LengthProblem(length, config.Maintenance.MaxDuration) is { } tooLong)
            problems.Add($"--for: {tooLong}");
        if (string.IsNullOrWhiteSpace(reason))
            problems.Add("--reason: say why, e.g. --reason \"PSU swap\"");
        if (problems.Count > 0)
        {
            foreach (var p in problems)
                Console.Error.WriteLine($"edge maintenance start: {p}");
            return ExitCodes.Invalid;
        }
        var window = store.StartMaintenance(selector, ruleIds, length, reason.Trim(), OperatorName());
        Console.WriteLine($"maintenance {window.Id} started on {MaintenanceWindow.FormatSelector(window.Selector)} ({RulesText(window)}) until {Utc(window.End)} ({Durations.Format(length)}): {window.Reason}, by {window.StartedBy}");
        Console.WriteLine("covered alerts keep evaluating; they are paged only if still firing when it ends (edge maintenance end ID to end it early)");
        return ExitCodes.Ok;
    }

    private static int Extend(EdgeConfig config, OutboxStore store, long id, string byText)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (!Durations.TryParse(byText, out var by) || by <= TimeSpan.Zero)
        {
            Console.Error.WriteLine($"edge maintenance extend: DURATION '{byText}' is not allowed; allowed: {Durations.Allowed}, more than zero");
            return ExitCodes.Invalid;
        }
        if (store.MaintenanceWindow(id) is not { } window || !window.IsOpenAt(now))
        {
            Console.Error.WriteLine($"edge maintenance extend: no open maintenance window {id} (edge maintenance list)");
            return ExitCodes.Failure;
        }
        var end = window.End + by;
        if (MaintenanceWindow.LengthProblem(end - now, config.Maintenance.MaxDuration) is { } tooLong)
        {
            Console.Error.WriteLine($"edge maintenance extend: {tooLong}");
            return ExitCodes.Invalid;
        }
        if (!store.SetMaintenanceEnd(id, end))
        {
            Console.Error.WriteLine($"edge maintenance extend: maintenance window {id} ended meanwhile");
            return ExitCodes.Failure;
        }
        Console.WriteLine($"maintenance {id} extended until {Utc(end)} ({Display.Pages.LcdText.Remaining(end - now)} left)");
        return ExitCodes.Ok;
    }

    private static int WithStore(ParseResult parse, string command, Func<EdgeConfig, OutboxStore, int> action)
    {
        if (OperatorDelivery.Config(parse, command) is not { } config)
            return ExitCodes.Invalid;
        using var store = OperatorDelivery.Open(config, command);
        return store is null ? ExitCodes.Failure : action(config, store);
    }

    private static void WriteTable(IReadOnlyList<MaintenanceWindow> open, DateTimeOffset now)
    {
        Console.WriteLine(open.Count == 0 ? "no maintenance window is open" : $"{open.Count} maintenance window{(open.Count == 1 ? "" : "s")} open");
        if (open.Count == 0)
            return;
        Console.WriteLine($"{"ID",4}  {"SELECTOR",-16}  {"RULES",-16}  {"ENDS (UTC)",-20}  {"LEFT",7}  {"BY",-10}  REASON");
        foreach (var w in open)
            Console.WriteLine($"{w.Id,4}  {MaintenanceWindow.FormatSelector(w.Selector),-16}  {RulesText(w),-16}  {Utc(w.End),-20}  {Display.Pages.LcdText.Remaining(w.End - now),7}  {w.StartedBy,-10}  {w.Reason}");
    }

    private static void WriteJson(IReadOnlyList<MaintenanceWindow> open, DateTimeOffset now)
    {
        using var stream = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("windows");
            foreach (var window in open)
            {
                w.WriteStartObject();
                w.WriteNumber("id", window.Id);
                w.WriteStartArray("selector");
                foreach (var p in window.Selector.Patterns)
                    w.WriteStringValue(p);
                w.WriteEndArray();
                w.WriteStartArray("rules");
                foreach (var r in window.Rules)
                    w.WriteStringValue(r);
                w.WriteEndArray();
                w.WriteString("start", window.Start);
                w.WriteString("end", window.End);
                w.WriteNumber("left_s", Math.Round((window.End - now).TotalSeconds));
                w.WriteString("reason", window.Reason);
                w.WriteString("started_by", window.StartedBy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static string RulesText(MaintenanceWindow w) => w.Rules.Count == 0 ? "every rule" : string.Join(",", w.Rules);

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
