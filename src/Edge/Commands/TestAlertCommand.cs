using System.CommandLine;
using Edge.Core.Alerts;
using Edge.Delivery.Outbox;

namespace Edge.Commands;

/// <summary><c>edge test-alert [--resolve]</c>: a test trigger (or its resolve) through the outbox to the connector.</summary>
internal static class TestAlertCommand
{
    public static Command Create()
    {
        var resolve = new Option<bool>("--resolve") { Description = "resolve the test alert instead of triggering it" };
        var command = new Command("test-alert", "send a test trigger (or, with --resolve, its resolve) through the outbox to PagerDuty") { resolve };
        command.SetAction(async (parse, cancel) =>
        {
            if (OperatorDelivery.Config(parse, "test-alert") is not { } config)
                return ExitCodes.Invalid;
            using var store = OperatorDelivery.Open(config, "test-alert");
            if (store is null)
                return ExitCodes.Failure;
            var writer = OperatorDelivery.Writer(config, store);
            var action = parse.GetValue(resolve) ? EventAction.Resolve : EventAction.Trigger;
            var e = writer.Stamp(OperatorEvents.TestAlert(config.Monitor.Appliance, action, TimeProvider.System.GetUtcNow()));
            var id = store.Commit([e], [], [])[0];
            Console.WriteLine($"queued test {e.Action.ToString().ToLowerInvariant()} {e.DedupKey} as outbox {id}");
            if (config.Delivery.RoutingKey is null)
            {
                Console.Error.WriteLine("edge test-alert: no routing key is configured (pagerduty.routingKey, routingKeyFile or the systemd credential routing-key); the event waits in the outbox");
                return ExitCodes.Failure;
            }
            return await OperatorDelivery.DeliverAsync(config, store, [id], cancel) ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
