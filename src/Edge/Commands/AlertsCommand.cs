using System.CommandLine;
using System.Globalization;
using Edge.Core.Alerts;
using Edge.Delivery.Outbox;

namespace Edge.Commands;

/// <summary><c>edge alerts open</c> / <c>edge alerts resolve-all</c>: the incidents Edge holds open in PagerDuty.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var open = new Command("open", "list the incidents Edge has triggered and not resolved");
        open.SetAction(parse =>
        {
            if (OperatorDelivery.Config(parse, "alerts open") is not { } config)
                return ExitCodes.Invalid;
            using var store = OperatorDelivery.Open(config, "alerts open");
            if (store is null)
                return ExitCodes.Failure;
            var incidents = store.OpenIncidents();
            // Rotated keys: these incidents' resolves still go with the key their trigger used (named by route only).
            var retired = store.OpenUnderRetiredKey(config.Delivery).ToDictionary(r => r.DedupKey, r => r.Route);
            Console.WriteLine($"{incidents.Count} open incident{(incidents.Count == 1 ? "" : "s")}");
            foreach (var i in incidents)
            {
                var note = retired.TryGetValue(i.DedupKey, out var route) ? $"  (open under a retired key of route {RouteName(route)}; its resolve goes with that key)" : "";
                Console.WriteLine($"  {i.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}  {i.Severity,-8}  {i.DedupKey}  {i.Summary}{note}");
            }
            return ExitCodes.Ok;
        });

        var resolveAll = new Command("resolve-all", "resolve every incident Edge holds open (before an uninstall); stop edge run first");
        resolveAll.SetAction(async (parse, cancel) =>
        {
            if (OperatorDelivery.Config(parse, "alerts resolve-all") is not { } config)
                return ExitCodes.Invalid;
            using var store = OperatorDelivery.Open(config, "alerts resolve-all");
            if (store is null)
                return ExitCodes.Failure;
            var writer = OperatorDelivery.Writer(config, store);
            var now = TimeProvider.System.GetUtcNow();
            var resolves = store.OpenIncidents().Select(i => writer.Stamp(new AlertEvent
            {
                Action = EventAction.Resolve,
                DedupKey = i.DedupKey,
                Appliance = config.Monitor.Appliance,
                RuleId = "edge-resolve-all",
                RuleType = OperatorEvents.Edge,
                Entity = OperatorEvents.Edge,
                Severity = Enum.TryParse<Edge.Core.Rules.Severity>(i.Severity, ignoreCase: true, out var s) ? s : Edge.Core.Rules.Severity.Info,
                Summary = $"resolved by the operator (edge alerts resolve-all): {i.Summary}",
                DetectedAt = now,
                Route = i.Route.Length == 0 ? null : i.Route,
                Details = new AlertDetails { Rule = "edge-resolve-all", Condition = "resolved by the operator", Metric = "none", Contact = config.Monitor.Appliance.Contact },
            })).ToList();
            // The alert state goes with them: a daemon started later begins from Ok and pages what is still wrong.
            var ids = store.Commit(resolves, [], []);
            store.ClearAlertState();
            Console.WriteLine($"queued {ids.Count} resolve{(ids.Count == 1 ? "" : "s")}");
            if (ids.Count == 0)
                return ExitCodes.Ok;
            return await OperatorDelivery.DeliverAsync(config, store, ids, cancel) ? ExitCodes.Ok : ExitCodes.Failure;
        });

        var alerts = new Command("alerts", "the incidents Edge holds open in PagerDuty");
        alerts.Subcommands.Add(open);
        alerts.Subcommands.Add(resolveAll);
        return alerts;
    }

    private static string RouteName(string route) => route.Length == 0 ? "default" : route;
}
