using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Alerts;

public class LifecycleTests
{
    [Fact]
    public void A_missing_reading_never_resolves_an_alert()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) });
        rack.PollTemperature(30);

        // The sensor goes silent for a day: only its reachable metric arrives.
        for (var i = 0; i < 24 * 60; i++)
            rack.Poll("s1", Metrics.Reachable, 0);

        Assert.Single(rack.Sink.Triggers);
        Assert.Empty(rack.Sink.Resolves);
        Assert.Contains(rack.Engine.Snapshot(), r => r.Phase == AlertPhase.Firing && r.Entity == "s1");
    }

    [Fact]
    public void A_rate_left_without_two_readings_by_a_gap_keeps_its_alert_firing()
    {
        var rack = new Rack(Rack.Hot() with { Above = 2, Aggregate = Aggregate.Rate, Window = TimeSpan.FromMinutes(1) });
        rack.PollTemperature(24, 26, 28);

        // Silent for ten minutes, then one reading: a window with one reading has no rate, which is no reason to resolve.
        for (var i = 0; i < 60; i++)
            rack.Poll("s1", Metrics.Reachable, 0);
        rack.PollTemperature(24);
        Assert.Empty(rack.Sink.Resolves);

        rack.PollTemperature(24);
        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void A_reading_that_is_not_a_number_is_refused_and_does_not_resolve()
    {
        var rack = new Rack(Rack.Hot() with { Aggregate = Aggregate.Avg, Window = TimeSpan.FromMinutes(1) });
        rack.PollTemperature(30);

        rack.PollTemperature(double.NaN, double.PositiveInfinity, double.NegativeInfinity);

        Assert.Single(rack.Sink.Triggers);
        Assert.Empty(rack.Sink.Resolves);
        Assert.Equal(3, rack.Engine.Refused);
    }

    [Fact]
    public void Each_entity_a_rule_selects_is_its_own_alert_with_its_own_dedup_key()
    {
        var rack = new Rack(Rack.Hot());

        rack.Read("s1", Metrics.TemperatureC, 30);
        rack.Read("s2", Metrics.TemperatureC, 30);
        rack.Read("pdu-a/sensor/1", Metrics.TemperatureC, 30);
        rack.Clock.Advance(Rack.Interval);
        rack.Read("s2", Metrics.TemperatureC, 20);

        Assert.Equal(["dc1-r12/rack-hot/s1", "dc1-r12/rack-hot/s2", "dc1-r12/rack-hot/pdu-a/sensor/1"], rack.Sink.Triggers.Select(e => e.DedupKey));
        Assert.Equal(["dc1-r12/rack-hot/s2"], rack.Sink.Resolves.Select(e => e.DedupKey));
    }

    [Fact]
    public void A_trigger_names_its_appliance_rule_source_and_entity_and_carries_the_recent_readings_newest_first()
    {
        var rack = new Rack(Rack.Hot() with { Severity = Severity.Critical, ClearAbove = 26 });

        rack.PollTemperature(24, 25, 26, 27.5);

        var e = Assert.Single(rack.Sink.Events);
        Assert.Equal(Severity.Critical, e.Severity);
        Assert.Equal("dc1-r12", e.Appliance.Id);
        Assert.Equal("DC1/R12", e.Appliance.Group);
        Assert.Equal("rack-hot", e.RuleId);
        Assert.Equal("sensor", e.RuleType);
        Assert.Equal("s1", e.SourceId);
        Assert.Equal("s1", e.Entity);
        Assert.Equal("[dc1-r12] s1 temperature_c is 27.5°C: temperature_c > 27 (clears at 26)", e.Summary);
        Assert.Equal("27.5", e.Details.Value);
        Assert.Equal(27, e.Details.Above);
        Assert.Equal(26, e.Details.ClearAbove);
        Assert.Equal("°C", e.Details.Unit);
        Assert.Equal("rack-hot", e.Details.Rule);
        Assert.Equal(["27.5", "26", "25", "24"], e.Details.Recent.Select(r => r.Value));
        Assert.Equal(e.DetectedAt, e.Details.Recent[0].Time);
        Assert.Equal(new Edge.Core.Configuration.Contact("Ops DC1", "ops-dc1@example.com"), e.Details.Contact);
    }

    [Fact]
    public void Recent_readings_stop_at_ten()
    {
        var rack = new Rack(Rack.Hot());

        rack.PollTemperature([.. Enumerable.Repeat(20.0, 30), 28]);

        Assert.Equal(10, Assert.Single(rack.Sink.Events).Details.Recent.Count);
    }

    [Fact]
    public void The_summary_template_fills_placeholders_and_is_kept_whole()
    {
        var rack = new Rack(Rack.Hot() with { Summary = "{entity} at {value} °C (limit {above} °C) " + new string('x', 2000) });

        rack.PollTemperature(28);

        var summary = Assert.Single(rack.Sink.Events).Summary;
        Assert.Equal("s1 at 28 °C (limit 27 °C) " + new string('x', 2000), summary);
    }

    [Fact]
    public void Dedup_keys_longer_than_255_characters_are_shortened_stably_and_stay_distinct()
    {
        var a = DedupKey.For("dc1-r12", "rule", "pdu-a/sensor/" + new string('1', 300));
        var b = DedupKey.For("dc1-r12", "rule", "pdu-a/sensor/" + new string('1', 299) + "2");

        Assert.Equal(255, a.Length);
        Assert.Equal(a, DedupKey.For("dc1-r12", "rule", "pdu-a/sensor/" + new string('1', 300)));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_state_rule_fires_on_the_named_state_and_resolves_when_it_leaves_it()
    {
        var rack = new Rack(new RuleDefinition
        {
            Id = "ups-on-battery", Type = RuleType.Ups, Select = Selector.All, Metric = Metrics.OutputSource,
            States = ["battery", "bypass"], Severity = Severity.Critical,
        });

        rack.ReadState("ups-1", Metrics.OutputSource, "normal");
        rack.Clock.Advance(Rack.Interval);
        rack.ReadState("ups-1", Metrics.OutputSource, "battery");
        rack.Clock.Advance(Rack.Interval);
        rack.ReadState("ups-1", Metrics.OutputSource, "bypass");
        rack.Clock.Advance(Rack.Interval);
        rack.ReadState("ups-1", Metrics.OutputSource, "normal");

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
        Assert.Equal("battery", rack.Sink.Events[0].Details.Value);
        Assert.Equal("normal", rack.Sink.Events[1].Details.Value);
    }

    [Fact]
    public void Power_unit_offline_fires_when_a_device_is_unreachable_for_its_for_duration()
    {
        var rack = new Rack(new RuleDefinition
        {
            Id = "offline", Type = RuleType.PowerUnitOffline, Select = Selector.All, Metric = Metrics.Reachable,
            Below = 1, For = TimeSpan.FromSeconds(30),
        });

        rack.Poll("pdu-a", Metrics.Reachable, 1);
        rack.Poll("pdu-a", Metrics.Reachable, 0);
        rack.Poll("pdu-a", Metrics.Reachable, 0);
        rack.Poll("pdu-a", Metrics.Reachable, 0);
        Assert.Empty(rack.Sink.Events);
        rack.Poll("pdu-a", Metrics.Reachable, 0);
        rack.Poll("s1", Metrics.Reachable, 0); // a local sensor is not a power unit
        rack.Poll("pdu-a", Metrics.Reachable, 1);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
        Assert.All(rack.Sink.Events, e => Assert.Equal("dc1-r12/offline/pdu-a", e.DedupKey));
    }

    [Fact]
    public void A_rule_type_only_sees_its_own_entities()
    {
        var rack = new Rack(
            new RuleDefinition { Id = "bank-current", Type = RuleType.Bank, Select = Selector.All, Metric = Metrics.CurrentA, Above = 10 },
            new RuleDefinition { Id = "infeed-current", Type = RuleType.Infeed, Select = Selector.All, Metric = Metrics.CurrentA, Above = 10 });

        rack.Read("pdu-a/bank/1", Metrics.CurrentA, 12);
        rack.Read("pdu-a/inlet/1", Metrics.CurrentA, 12);
        rack.Read("pdu-a/outlet/1", Metrics.CurrentA, 12);

        Assert.Equal(["dc1-r12/bank-current/pdu-a/bank/1", "dc1-r12/infeed-current/pdu-a/inlet/1"], rack.Sink.Triggers.Select(e => e.DedupKey));
    }

    [Fact]
    public void Selectors_take_a_list_a_glob_or_everything()
    {
        var rack = new Rack(
            Rack.Hot("listed") with { Select = Selector.Of("s2", "pdu-a/sensor/2") },
            Rack.Hot("globbed") with { Select = Selector.Of("pdu-*/sensor/*") });

        foreach (var entity in new[] { "s1", "s2", "pdu-a/sensor/1", "pdu-a/sensor/2" })
            rack.Read(entity, Metrics.TemperatureC, 30);

        Assert.Equal(
            ["dc1-r12/listed/s2", "dc1-r12/globbed/pdu-a/sensor/1", "dc1-r12/listed/pdu-a/sensor/2", "dc1-r12/globbed/pdu-a/sensor/2"],
            rack.Sink.Triggers.Select(e => e.DedupKey));
    }

    [Fact]
    public void Readings_of_unknown_devices_and_metrics_are_refused_and_counted()
    {
        var rack = new Rack(Rack.Hot());

        rack.Read("nobody", Metrics.TemperatureC, 30);
        rack.Read("s1", "flux_capacitance", 1.21);
        rack.Read("s1/nonsense", Metrics.TemperatureC, 30);

        Assert.Equal(3, rack.Engine.Refused);
        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void A_reading_older_than_the_newest_of_its_series_is_refused()
    {
        var rack = new Rack(Rack.Hot());
        rack.Read("s1", Metrics.TemperatureC, 25);

        rack.Engine.Accept(new Reading("s1", Metrics.TemperatureC, 30, rack.Clock.GetUtcNow() - TimeSpan.FromMinutes(1)));

        Assert.Equal(1, rack.Engine.Refused);
        Assert.Empty(rack.Sink.Events);
    }
}
