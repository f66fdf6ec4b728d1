using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Rules;
using Edge.Delivery.Outbox;
using Edge.Delivery.PagerDuty;
using static Edge.Delivery.Tests.Support.Pipeline;

namespace Edge.Delivery.Tests.PagerDuty;

/// <summary>spec/pagerduty-events-v2.md, "The event": what each payload field of an Edge alert holds.</summary>
public class PagerDutyMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_entitys_alert_comes_from_the_appliance_and_its_source_names_the_entity_the_rack_and_the_rule_type()
    {
        var payload = PagerDutyMapping.Payload(Event(EventAction.Trigger, "s1", At, Severity.Critical));

        Assert.Equal("s1 is hot", payload.Summary);
        Assert.Equal("dc1-r12/s1", payload.Source);
        Assert.Equal("critical", payload.Severity);
        Assert.Equal("s1", payload.Component);
        Assert.Equal("DC1/R12", payload.Group);
        Assert.Equal("sensor", payload.Class);
        Assert.Null(payload.Timestamp);
        Assert.Null(payload.CustomDetails);
    }

    [Fact]
    public void A_rules_grouped_incident_comes_from_the_appliance_and_names_the_rule()
    {
        var grouped = Event(EventAction.Trigger, "s1", At) with { DedupKey = "dc1-r12/rack-hot", SourceId = null, Entity = null };

        var payload = PagerDutyMapping.Payload(grouped);

        Assert.Equal("dc1-r12", payload.Source);
        Assert.Equal("rack-hot", payload.Component);
        Assert.Equal("warning", payload.Severity);
    }

    [Fact]
    public void Where_the_rack_is_unknown_the_group_is_what_is_known()
    {
        Assert.Equal("dc1-r12", PagerDutyMapping.Payload(Event(EventAction.Trigger, "s1", At) with { Appliance = new ApplianceIdentity("dc1-r12") }).Group);
        Assert.Equal("DC1", PagerDutyMapping.Payload(Event(EventAction.Trigger, "s1", At) with { Appliance = new ApplianceIdentity("dc1-r12", Site: "DC1") }).Group);
    }

    [Fact]
    public void A_summary_is_cut_to_PagerDutys_1024_characters_and_an_empty_one_is_the_dedup_key()
    {
        var long_ = PagerDutyMapping.Payload(Event(EventAction.Trigger, "s1", At) with { Summary = new string('x', 5000) });
        var empty = PagerDutyMapping.Payload(Event(EventAction.Trigger, "s1", At) with { Summary = "" });

        Assert.Equal(new string('x', 1023) + "…", long_.Summary);
        Assert.Equal("dc1-r12/rack-hot/s1", empty.Summary);
    }

    [Theory]
    [InlineData(Severity.Critical, "critical")]
    [InlineData(Severity.Error, "error")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Info, "info")]
    public void Severities_are_PagerDutys_four_words(Severity severity, string name) =>
        Assert.Equal(name, PagerDutyMapping.SeverityName(severity));

    [Theory]
    [InlineData(EventAction.Trigger, "trigger")]
    [InlineData(EventAction.Resolve, "resolve")]
    public void Actions_are_named_as_event_action_spells_them_and_read_back(EventAction action, string name)
    {
        Assert.Equal(name, PagerDutyMapping.ActionName(action));
        Assert.Equal(action, PagerDutyMapping.ParseAction(name));
    }

    [Fact]
    public void The_operators_test_alert_is_about_edge_itself()
    {
        var payload = PagerDutyMapping.Payload(OperatorEvents.TestAlert(Appliance, EventAction.Trigger, At));

        Assert.Equal("dc1-r12", payload.Source);
        Assert.Equal("edge", payload.Component);
        Assert.Equal("test", payload.Class);
        Assert.Equal("info", payload.Severity);
    }
}
