using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class ReloadTests
{
    [Fact]
    public void Deleting_a_rule_on_reload_resolves_the_alerts_it_had_firing()
    {
        var rack = new Rack(Rack.Hot(), Rack.Hot("other") with { Above = 40 });
        rack.PollTemperature(30);

        rack.Reload(Rack.Hot("other") with { Above = 40 });

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
        Assert.Equal("dc1-r12/rack-hot/s1", rack.Sink.Events[1].DedupKey);
        Assert.Contains("deleted", rack.Sink.Events[1].Details.Reason);
    }

    [Fact]
    public void Changing_a_rule_keeps_its_firing_alert_without_a_second_trigger()
    {
        var rack = new Rack(Rack.Hot());
        rack.PollTemperature(30);

        rack.Reload(Rack.Hot() with { Above = 29, Severity = Severity.Critical });
        rack.PollTemperature(30, 30);

        Assert.Single(rack.Sink.Events);
    }

    [Fact]
    public void Changing_a_rule_re_evaluates_its_alert_under_the_new_condition()
    {
        var rack = new Rack(Rack.Hot());
        rack.PollTemperature(30);

        rack.Reload(Rack.Hot() with { Above = 35 });

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void A_reload_keeps_the_history_so_a_window_average_carries_on()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) });
        rack.PollTemperature(26, 26, 26, 26, 26);

        rack.Reload(Rack.Hot() with { Above = 25.5, Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(2) });

        var trigger = Assert.Single(rack.Sink.Events);
        Assert.Equal("26", trigger.Details.Value);
        Assert.True(rack.Engine.Store.TryGet("s1", Metrics.TemperatureC, out var series));
        Assert.Equal(5, series.Count);
        Assert.Equal(14, series.Capacity);
    }

    [Fact]
    public void A_pending_for_timer_survives_a_reload()
    {
        var rack = new Rack(Rack.Hot() with { For = TimeSpan.FromMinutes(1) });
        rack.PollTemperature(30, 30, 30);

        rack.Reload(Rack.Hot() with { For = TimeSpan.FromMinutes(1), Severity = Severity.Error });
        rack.PollTemperature(30, 30, 30, 30);

        var trigger = Assert.Single(rack.Sink.Events);
        Assert.Equal(Severity.Error, trigger.Severity);
    }

    [Fact]
    public void A_rule_that_no_longer_selects_an_entity_resolves_that_entitys_alert()
    {
        var rack = new Rack(Rack.Hot());
        rack.Read("s1", Metrics.TemperatureC, 30);
        rack.Read("s2", Metrics.TemperatureC, 30);

        rack.Reload(Rack.Hot() with { Select = Selector.Of("s2") });

        Assert.Equal(["dc1-r12/rack-hot/s1"], rack.Sink.Resolves.Select(e => e.DedupKey));
    }

    [Fact]
    public void Changing_a_rule_from_one_incident_per_entity_to_one_per_rule_resolves_the_old_incidents_and_opens_the_new()
    {
        var rack = new Rack(Rack.Hot());
        rack.Read("s1", Metrics.TemperatureC, 30);

        rack.Reload(Rack.Hot() with { Group = GroupBy.Rule });
        rack.Clock.Advance(Rack.Interval);
        rack.Read("s1", Metrics.TemperatureC, 30);

        Assert.Equal(
            [(EventAction.Trigger, "dc1-r12/rack-hot/s1"), (EventAction.Resolve, "dc1-r12/rack-hot/s1"), (EventAction.Trigger, "dc1-r12/rack-hot")],
            rack.Sink.Events.Select(e => (e.Action, e.DedupKey)));
    }

    [Fact]
    public void Deleting_a_grouped_rule_resolves_its_one_incident()
    {
        var rack = new Rack(Rack.Hot() with { Group = GroupBy.Rule });
        rack.Read("s1", Metrics.TemperatureC, 30);
        rack.Read("s2", Metrics.TemperatureC, 30);

        rack.Reload();

        Assert.Equal([EventAction.Trigger, EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
        Assert.All(rack.Sink.Events, e => Assert.Equal("dc1-r12/rack-hot", e.DedupKey));
    }

    [Fact]
    public void Changing_a_grouped_rule_keeps_its_incident_and_its_entities()
    {
        var rack = new Rack(Rack.Hot() with { Group = GroupBy.Rule });
        rack.Read("s1", Metrics.TemperatureC, 30);

        rack.Reload(Rack.Hot() with { Group = GroupBy.Rule, Severity = Severity.Critical });
        rack.Read("s2", Metrics.TemperatureC, 30);

        Assert.Equal([EventAction.Trigger, EventAction.Trigger], rack.Sink.Events.Select(e => e.Action));
        Assert.Equal(["s1", "s2"], rack.Sink.Events[^1].Details.Entities!.Select(e => e.Entity).Order());
    }

    [Fact]
    public void Alert_state_restored_after_a_restart_does_not_page_again()
    {
        var rack = new Rack(Rack.Hot());
        rack.PollTemperature(30);
        var saved = rack.Engine.Snapshot().ToList();

        var restarted = new RuleEngine(rack.Config, new AlertTracker(rack.Config.Appliance, rack.Sink), saved);
        restarted.Accept(new Reading("s1", Metrics.TemperatureC, 31, rack.Clock.GetUtcNow()));
        rack.Clock.Advance(Rack.Interval);
        restarted.Accept(new Reading("s1", Metrics.TemperatureC, 20, rack.Clock.GetUtcNow()));

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }
}
