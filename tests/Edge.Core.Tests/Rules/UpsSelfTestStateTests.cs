using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Rules;

public class UpsSelfTestStateTests
{
    private static RuleDefinition OnBattery(params string[] states) => new()
    {
        Id = "ups-on-battery",
        Type = RuleType.Ups,
        Select = Selector.All,
        Metric = Metrics.OutputSource,
        States = states,
        Severity = Severity.Critical,
    };

    [Fact]
    public void A_self_test_does_not_page_as_on_battery()
    {
        var rack = new Rack(OnBattery("battery"));

        rack.ReadState("ups-1", Metrics.OutputSource, "test");

        Assert.Empty(rack.Sink.Events);
    }

    [Fact]
    public void A_rule_that_asks_for_tests_pages_for_them()
    {
        var rack = new Rack(OnBattery("battery", "test"));

        rack.ReadState("ups-1", Metrics.OutputSource, "test");

        Assert.Single(rack.Sink.Triggers);
    }

    [Fact]
    public void The_existing_output_source_states_keep_their_codes()
    {
        // Codes are stored in series and in carried alert state: "test" comes last, every other state keeps its code.
        Assert.Equal(["normal", "battery", "bypass", "boost", "reduce", "none", "other", "test"], Metrics.Get(Metrics.OutputSource).States!);
        Assert.Contains(Metrics.UpsTest, (IReadOnlySet<string>)RuleType.Ups.Metrics);
        Assert.Contains(Metrics.LostOnBattery, (IReadOnlySet<string>)RuleType.Ups.Metrics);
    }
}
