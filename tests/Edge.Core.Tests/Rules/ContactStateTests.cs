using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

/// <summary>A rack door or leak sensor on an SNMP device (DEVICE/sensor/N, metric <c>contact</c>) pages through a <c>sensor</c> rule.</summary>
public class ContactStateTests
{
    private static RuleDefinition Contact(string id, params string[] states) => new()
    {
        Id = id,
        Type = RuleType.Sensor,
        Select = Selector.All,
        Metric = Metrics.Contact,
        States = states,
        Severity = Severity.Warning,
    };

    [Fact]
    public void A_door_that_opens_pages_and_resolves_when_it_closes()
    {
        var rack = new Rack(Contact("rack-door-open", "open"));

        rack.ReadState("pdu-a/sensor/4", Metrics.Contact, "closed");
        Assert.Empty(rack.Sink.Events);

        rack.Clock.Advance(Rack.Interval);
        rack.ReadState("pdu-a/sensor/4", Metrics.Contact, "open");
        var trigger = Assert.Single(rack.Sink.Triggers);
        Assert.Equal("dc1-r12/rack-door-open/pdu-a/sensor/4", trigger.DedupKey);

        rack.Clock.Advance(Rack.Interval);
        rack.ReadState("pdu-a/sensor/4", Metrics.Contact, "closed");
        Assert.Equal(trigger.DedupKey, Assert.Single(rack.Sink.Resolves).DedupKey);
    }

    [Fact]
    public void A_leak_sensor_in_alarm_pages_a_rule_for_open_or_alarm_and_not_a_rule_for_open_only()
    {
        var rack = new Rack(Contact("rack-door-open", "open"), Contact("rack-contact-trouble", "open", "alarm"));

        rack.ReadState("pdu-a/sensor/3", Metrics.Contact, "normal");
        rack.Clock.Advance(Rack.Interval);
        rack.ReadState("pdu-a/sensor/3", Metrics.Contact, "alarm");

        Assert.Equal(["dc1-r12/rack-contact-trouble/pdu-a/sensor/3"], rack.Sink.Triggers.Select(e => e.DedupKey));
    }

    [Fact]
    public void The_contact_states_have_fixed_codes_and_the_sensor_type_sees_them()
    {
        // Codes are stored in series and in carried alert state: a new state is appended, never inserted.
        Assert.Equal(["closed", "open", "alarm", "normal"], Metrics.Get(Metrics.Contact).States!);
        Assert.Contains(Metrics.Contact, (IReadOnlySet<string>)RuleType.Sensor.Metrics);
        Assert.DoesNotContain(Metrics.Contact, (IReadOnlySet<string>)RuleType.Infeed.Metrics);
    }
}
