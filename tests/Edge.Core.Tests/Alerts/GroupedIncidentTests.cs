using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Alerts;

public class GroupedIncidentTests
{
    [Fact]
    public void A_rule_grouped_by_rule_is_one_incident_listing_exactly_the_entities_in_breach()
    {
        var rack = new Rack(Rack.Hot() with { Group = GroupBy.Rule });

        rack.Read("s1", Metrics.TemperatureC, 30);
        rack.Read("s2", Metrics.TemperatureC, 31);
        rack.Read("pdu-a/sensor/1", Metrics.TemperatureC, 20);
        rack.Clock.Advance(Rack.Interval);
        rack.Read("s1", Metrics.TemperatureC, 20);
        rack.Clock.Advance(Rack.Interval);
        rack.Read("s2", Metrics.TemperatureC, 20);

        Assert.All(rack.Sink.Events, e => Assert.Equal("dc1-r12/rack-hot", e.DedupKey));
        Assert.Equal([EventAction.Trigger, EventAction.Trigger, EventAction.Trigger, EventAction.Resolve], rack.Sink.Events.Select(e => e.Action));
        Assert.Equal([["s1"], ["s1", "s2"], ["s2"], []], rack.Sink.Events.Select(e => e.Details.Entities!.Select(x => x.Entity).ToArray()));
        Assert.Equal("[dc1-r12] rack-hot: 2 in breach: s1, s2", rack.Sink.Events[1].Summary);
    }

    [Fact]
    public void Forty_sensors_going_hot_at_once_open_one_incident()
    {
        var sources = Enumerable.Range(1, 40).Select(i => new Edge.Core.Configuration.SourceDescriptor($"t{i}", Edge.Core.Configuration.SourceKind.LocalSensor, Rack.Interval, 5)).ToList();
        var sink = new RecordingSink();
        var config = new Edge.Core.Configuration.MonitorConfig(new("dc1"), sources, [Rack.Hot() with { Group = GroupBy.Rule }], 1 << 20);
        var engine = new RuleEngine(config, new AlertTracker(config.Appliance, sink));
        var now = DateTimeOffset.UnixEpoch;

        foreach (var s in sources)
            engine.Accept(new Reading(s.Id, Metrics.TemperatureC, 30, now));
        engine.EndBatch(now);

        var trigger = Assert.Single(sink.Events);
        Assert.Equal(40, trigger.Details.Entities!.Count);
    }
}
