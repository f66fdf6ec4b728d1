using Edge.Core.Alerts;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Alerts;

/// <summary>What a batch hands the outbox to keep: every change of an alert's phase or timers, nothing else.</summary>
public class AlertBatchTests
{
    private static readonly (string, string) S1 = ("rack-hot", "s1");

    [Fact]
    public void A_batch_keeps_each_change_of_phase_and_not_a_value_that_only_moves()
    {
        var rack = new Rack(Rack.Hot() with { For = TimeSpan.FromMinutes(1) });
        var start = rack.Clock.GetUtcNow().UtcTicks;

        rack.PollTemperature(28);
        var pending = Assert.Single(rack.Batch.States);
        Assert.Equal((S1, AlertPhase.Pending, start), (pending.Key, pending.Value!.Phase, pending.Value.PhaseSince));
        rack.Batch.Clear();

        // 10 s and 20 s into the minute: the value moves, the phase does not.
        rack.PollTemperature(28.5, 29);
        Assert.True(rack.Batch.IsEmpty);

        rack.PollTemperature(20);
        Assert.Null(Assert.Single(rack.Batch.States).Value);
    }

    [Fact]
    public void Deleting_a_rule_on_reload_forgets_its_firing_and_its_pending_alerts()
    {
        var rack = new Rack(Rack.Hot(), Rack.Hot("slow") with { For = TimeSpan.FromMinutes(5) });
        rack.PollTemperature(28);
        rack.Batch.Clear();

        rack.Reload(Rack.Hot("other") with { Above = 40 });

        Assert.Equal([("rack-hot", "s1"), ("slow", "s1")], rack.Batch.States.Where(s => s.Value is null).Select(s => s.Key).Order());
        Assert.Equal(EventAction.Resolve, rack.Sink.Events[^1].Action);
    }

    [Fact]
    public void An_alert_carried_over_a_restart_whose_rule_is_gone_at_the_next_reload_is_forgotten()
    {
        var rack = new Rack(Rack.Hot());
        var batch = new AlertBatch();
        var carried = new AlertRecord("rack-hot", "s2", AlertTracker.Fingerprint(Rack.Hot()), AlertPhase.Firing, 1, 1, 30);
        var engine = new RuleEngine(rack.Config, new AlertTracker(rack.Config.Appliance, rack.Sink, batch), [carried]);

        engine.Reload(rack.Config with { Rules = [Rack.Hot("other")] }, rack.Clock.GetUtcNow());

        var forgotten = Assert.Single(batch.States);
        Assert.Equal((("rack-hot", "s2"), (AlertRecord?)null), (forgotten.Key, forgotten.Value));
    }
}
