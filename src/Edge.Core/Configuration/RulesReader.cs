using System.Text.RegularExpressions;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;

namespace Edge.Core.Configuration;

/// <summary>Reads and validates <c>rules</c> (spec/rules.md) against the configured sources.</summary>
public static partial class RulesReader
{
    private static readonly string[] Keys =
        ["id", "type", "select", "metric", "above", "below", "clear", "clearAbove", "clearBelow", "rising", "falling", "state",
         "window", "aggregate", "for", "clearFor", "group", "severity", "summary", "route"];

    private static readonly string[] PresetKeys = ["preset", "select", "severity", "for", "group"];

    private static readonly Dictionary<string, Aggregate> Aggregates = new()
    {
        ["last"] = Aggregate.Last, ["avg"] = Aggregate.Avg, ["min"] = Aggregate.Min, ["max"] = Aggregate.Max,
    };

    private static readonly Dictionary<string, Severity> Severities = Enum.GetValues<Severity>().ToDictionary(s => s.ToString().ToLowerInvariant());
    private static readonly Dictionary<string, GroupBy> Groups = new() { ["entity"] = GroupBy.Entity, ["rule"] = GroupBy.Rule };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    public static List<RuleDefinition> Read(ConfigNode root, IReadOnlyList<SourceDescriptor> sources)
    {
        var rules = new List<RuleDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in root.Items("rules"))
        {
            var read = node.Has("preset") ? ReadPreset(node) : ReadRule(node, sources) is { } r ? [r] : [];
            foreach (var rule in read)
            {
                if (seen.TryGetValue(rule.Id, out var first))
                    node.Problem("id", $"duplicate rule id '{rule.Id}' (first used at {first}); ids must be unique, they are part of the dedup key");
                else
                    seen[rule.Id] = node.Path;
                rules.Add(rule);
            }
        }
        return rules;
    }

    private static IReadOnlyList<RuleDefinition> ReadPreset(ConfigNode node)
    {
        node.OnlyKeys(PresetKeys);
        var name = node.OneOf("preset", RulePresets.Names, required: true);
        var select = node.StringOrList("select") is { Count: > 0 } s ? Selector.Of(s) : Selector.All;
        var severity = Pick(node, "severity", Severities);
        var @for = node.Duration("for");
        var group = Pick(node, "group", Groups) ?? GroupBy.Entity;
        return name is null ? [] : RulePresets.Expand(name, select, severity, @for, group);
    }

    private static RuleDefinition? ReadRule(ConfigNode node, IReadOnlyList<SourceDescriptor> sources)
    {
        node.OnlyKeys(Keys);
        var problemsBefore = node.Problems.All.Count;
        var id = node.String("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            node.Problem("id", $"'{id}' is not allowed; allowed: 1 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        var typeName = node.String("type", required: true);
        RuleType? type = null;
        if (typeName is not null && !RuleType.All.TryGetValue(typeName, out type))
            node.Problem("type", $"unknown rule type '{typeName}'; allowed: {string.Join(", ", RuleType.All.Keys)}");

        var metric = node.String("metric", required: type is { ImpliedMetric: null });
        if (type is not null)
        {
            metric ??= type.ImpliedMetric;
            if (metric is not null && !type.Metrics.Contains(metric))
                node.Problem("metric", $"rule type '{type.Name}' cannot see metric '{metric}'; allowed: {string.Join(", ", type.Metrics)}");
        }
        var metricInfo = metric is not null && Metrics.All.TryGetValue(metric, out var mi) ? mi : null;

        var select = node.StringOrList("select") ?? ["*"];
        if (type is not null)
            CheckSelect(node, type, select, sources);

        var window = node.Duration("window", allowZero: false);
        var aggregate = Pick(node, "aggregate", Aggregates);
        var above = node.Number("above");
        var below = node.Number("below");
        var clear = node.Number("clear");
        var clearAbove = node.Number("clearAbove");
        var clearBelow = node.Number("clearBelow");
        var rising = node.Number("rising");
        var falling = node.Number("falling");
        var states = node.StringOrList("state") ?? [];

        // Count the conditions written, not the ones that parsed: a bad number is its own problem, not a missing condition.
        var conditions = new[] { node.Has("above") || node.Has("below"), node.Has("rising") || node.Has("falling"), node.Has("state") }.Count(c => c);
        if (conditions > 1)
            node.Problem("a rule has one condition: above/below, rising/falling, or state; this one has several");
        if (conditions == 0 && type?.ImpliedMetric is null)
            node.Problem("a condition is required: \"above\" and/or \"below\" (numbers), \"rising\"/\"falling\" (per minute, with a window), or \"state\"");

        if (type?.ImpliedMetric is not null && conditions == 0)
        {
            // power-unit-offline: reachable below 1 (unreachable); prohibited-software: installed above 0.
            above = type.ImpliedAbove;
            below = type.ImpliedBelow;
        }

        if (metricInfo is { IsState: true } && (above is not null || below is not null || rising is not null || falling is not null) && type?.ImpliedMetric is null)
            node.Problem(above is not null ? "above" : below is not null ? "below" : rising is not null ? "rising" : "falling",
                $"'{metric}' is a state metric; use \"state\" with one of: {string.Join(", ", metricInfo.States!)}");
        if (states.Count > 0 && metricInfo is not null)
        {
            if (!metricInfo.IsState)
                node.Problem("state", $"'{metric}' is a numeric metric; use \"above\"/\"below\"");
            else
            {
                foreach (var s in states.Where(s => !metricInfo.TryStateCode(s, out _)))
                    node.Problem("state", $"'{s}' is not a state of {metric}; allowed: {string.Join(", ", metricInfo.States!)}");
            }
        }

        if (above is not null && below is not null && below >= above)
            node.Problem("below", $"{below} must be lower than above ({above}): together they are the band outside of which the rule fires");
        if (clear is not null)
        {
            if (above is not null && below is not null)
                node.Problem("clear", "a rule with both above and below clears at \"clearAbove\" and \"clearBelow\", not \"clear\"");
            else if (above is not null)
            {
                if (clear > above)
                    node.Problem("clear", $"{clear} is on the wrong side of above ({above}): an alert above {above} must clear at or below it");
                clearAbove = clear;
            }
            else if (below is not null)
            {
                if (clear < below)
                    node.Problem("clear", $"{clear} is on the wrong side of below ({below}): an alert below {below} must clear at or above it");
                clearBelow = clear;
            }
            else if (rising is not null)
            {
                if (clear > rising)
                    node.Problem("clear", $"{clear} is on the wrong side of rising ({rising}): it must be at or below it");
                clearAbove = clear;
            }
            else if (falling is not null)
            {
                if (clear < -falling)
                    node.Problem("clear", $"{clear} is on the wrong side of falling ({falling}): it must be at or above -{falling}");
                clearBelow = clear;
            }
            else
                node.Problem("clear", "\"clear\" needs \"above\" or \"below\"");
        }
        if (node.Has("clearAbove") && above is not null && clearAbove > above)
            node.Problem("clearAbove", $"{clearAbove} is on the wrong side of above ({above}): it must be at or below it");
        if (node.Has("clearAbove") && above is null)
            node.Problem("clearAbove", "\"clearAbove\" needs \"above\"");
        if (node.Has("clearBelow") && below is not null && clearBelow < below)
            node.Problem("clearBelow", $"{clearBelow} is on the wrong side of below ({below}): it must be at or above it");
        if (node.Has("clearBelow") && below is null)
            node.Problem("clearBelow", "\"clearBelow\" needs \"below\"");

        if (rising is not null || falling is not null)
        {
            if (rising is <= 0)
                node.Problem("rising", $"{rising} must be more than zero (a change per minute)");
            if (falling is <= 0)
                node.Problem("falling", $"{falling} must be more than zero (a change per minute)");
            if (window is null && !node.Has("window"))
                node.Problem("window", "is required with rising/falling: the rate is measured across the window");
            if (aggregate is not null)
                node.Problem("aggregate", "rising/falling measure the rate of change; leave \"aggregate\" out");
            aggregate = Aggregate.Rate;
            above = rising;
            below = falling is null ? null : -falling;
        }
        if (aggregate is { } a && a != Aggregate.Last && a != Aggregate.Rate && window is null && !node.Has("window"))
            node.Problem("aggregate", $"'{a.ToString().ToLowerInvariant()}' needs a \"window\"");
        if (states.Count > 0 && window is not null)
            node.Problem("window", "state rules look at the latest state; leave \"window\" out");

        var @for = node.Duration("for");
        var clearFor = node.Duration("clearFor");
        var group = Pick(node, "group", Groups);
        var severity = Pick(node, "severity", Severities);
        var summary = node.String("summary");
        if (summary is not null)
        {
            foreach (var unknown in SummaryTemplate.UnknownPlaceholders(summary))
                node.Problem("summary", $"unknown placeholder '{{{unknown}}}'; allowed: {string.Join(", ", SummaryTemplate.Placeholders.Select(p => "{" + p + "}"))}");
        }
        var route = node.String("route");

        if (node.Problems.All.Count > problemsBefore || id is null || type is null || metric is null)
            return null;
        return new RuleDefinition
        {
            Id = id,
            Type = type,
            Select = Selector.Of(select),
            Metric = metric,
            Above = above,
            Below = below,
            ClearAbove = clearAbove,
            ClearBelow = clearBelow,
            States = states,
            Aggregate = aggregate ?? (window is null ? Aggregate.Last : Aggregate.Avg),
            Window = window ?? TimeSpan.Zero,
            For = @for ?? TimeSpan.Zero,
            ClearFor = clearFor ?? TimeSpan.Zero,
            Group = group ?? GroupBy.Entity,
            Severity = severity ?? type.DefaultSeverity,
            Summary = summary,
            Route = route,
        };
    }

    private static void CheckSelect(ConfigNode node, RuleType type, IReadOnlyList<string> patterns, IReadOnlyList<SourceDescriptor> sources)
    {
        var hasInventory = sources.Any(s => s.Kind == SourceKind.Inventory);
        if (type.SeesAnyOf(SourceKind.Inventory) && !hasInventory)
        {
            node.Problem("type", $"rule type '{type.Name}' reads inventory from Device42, and no \"device42\" source is configured");
            return;
        }
        foreach (var pattern in patterns)
        {
            if (pattern == "*")
                continue;
            var parts = pattern.Split('/');
            // software/…, os/…, subnet/…, partmodel/…, prohibited/…: inventory entities start with their kind.
            if (EntityId.TryParseInventoryKind(parts[0], out var inventoryKind) && !sources.Any(s => s.Id == parts[0] && s.Kind != SourceKind.Inventory))
            {
                CheckInventorySelect(node, type, pattern, inventoryKind, hasInventory);
                continue;
            }
            var device = parts[0];
            if (!Selector.IsGlob(device) && sources.FirstOrDefault(s => s.Id == device) is not { } source)
            {
                node.Problem("select", $"'{pattern}' names device '{device}', which is not a configured sensor or SNMP device; configured: {string.Join(", ", sources.Select(s => s.Id))}");
                continue;
            }
            else
            {
                source = sources.FirstOrDefault(s => s.Id == device);
            }
            if (parts.Length != 1 && parts.Length != 3 && !Selector.IsGlob(pattern))
            {
                node.Problem("select", $"'{pattern}' is not an entity id; allowed: DEVICE or DEVICE/KIND/INDEX, or a glob");
                continue;
            }
            var kind = EntityKind.Device;
            if (parts.Length >= 2 && !Selector.IsGlob(parts[1]) && !EntityId.TryParseKind(parts[1], out kind))
            {
                node.Problem("select", $"'{pattern}' has unknown kind '{parts[1]}'; allowed: {string.Join(", ", Enum.GetValues<EntityKind>().Skip(1).Where(k => !EntityId.IsInventoryKind(k)).Select(EntityId.KindName))}");
                continue;
            }
            var kindKnown = parts.Length == 1 ? !Selector.IsGlob(pattern) : !Selector.IsGlob(parts[1]);
            var sees = (source, kindKnown) switch
            {
                (not null, true) => type.Sees(source.Kind, kind),
                (not null, false) => type.SeesAnyOf(source.Kind),
                (null, true) => type.SeesKind(kind),
                _ => true,
            };
            if (!sees)
                node.Problem("select", $"rule type '{type.Name}' cannot see '{pattern}'; it sees {type.SeesDescription}");
        }
    }

    private static void CheckInventorySelect(ConfigNode node, RuleType type, string pattern, EntityKind kind, bool hasInventory)
    {
        if (!hasInventory)
            node.Problem("select", $"'{pattern}' is an inventory entity, and no \"device42\" source is configured to read inventory");
        else if (!type.Sees(SourceKind.Inventory, kind))
            node.Problem("select", $"rule type '{type.Name}' cannot see '{pattern}'; it sees {type.SeesDescription}");
        else if (!Selector.IsGlob(pattern) && !EntityId.TryParseInventory(pattern, out _))
            node.Problem("select", $"'{pattern}' is not an inventory entity id; allowed: software/NAME, os/NAME, partmodel/NAME, subnet/NETWORK/BITS, subnet/VRF/NETWORK/BITS, " +
                "prohibited/SOFTWARE/DEVICE, or a glob (a '/', '%', '*' or '?' inside a name is written %2F, %25, %2A, %3F)");
    }

    private static T? Pick<T>(ConfigNode node, string key, Dictionary<string, T> allowed) where T : struct =>
        node.OneOf(key, allowed.Keys) is { } name ? allowed[name] : null;
}
