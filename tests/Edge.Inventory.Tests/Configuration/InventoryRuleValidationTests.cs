using Edge.Core.Configuration;
using Edge.Core.Rules;
using Edge.Inventory.Configuration;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Configuration;

public class InventoryRuleValidationTests
{
    private static readonly SourceDescriptor Device42 = new Device42Options(new Uri("https://d42/"), "e", "/p").Descriptor;
    private static readonly SourceDescriptor Sensor = new("rack-top", SourceKind.LocalSensor, TimeSpan.FromSeconds(10), 5);

    [Theory]
    [InlineData("""{ "id": "r", "type": "software-count", "metric": "used_pct", "above": 90 }""", "$.rules[0].metric",
        "rule type 'software-count' cannot see metric 'used_pct'; allowed: count, license_use_pct")]
    [InlineData("""{ "id": "r", "type": "subnet", "select": "os/Ubuntu 22.04", "metric": "used_pct", "above": 90 }""", "$.rules[0].select",
        "rule type 'subnet' cannot see 'os/Ubuntu 22.04'; it sees subnets in Device42 (subnet/NETWORK/BITS, subnet/VRF/NETWORK/BITS)")]
    [InlineData("""{ "id": "r", "type": "prohibited-software", "select": "prohibited/uTorrent" }""", "$.rules[0].select",
        "'prohibited/uTorrent' is not an inventory entity id")]
    [InlineData("""{ "id": "r", "type": "part-model", "select": "rack-top", "metric": "available", "below": 2 }""", "$.rules[0].select",
        "rule type 'part-model' cannot see 'rack-top'")]
    [InlineData("""{ "id": "r", "type": "sensor", "select": "software/Vim", "metric": "temperature_c", "above": 2 }""", "$.rules[0].select",
        "rule type 'sensor' cannot see 'software/Vim'")]
    [InlineData("""{ "id": "r", "type": "power-unit-offline", "select": "device42" }""", "$.rules[0].select",
        "rule type 'power-unit-offline' cannot see 'device42'")]
    [InlineData("""{ "id": "r", "type": "license-expiry", "metric": "count", "below": 2 }""", "$.rules[0].metric",
        "allowed: days_left, reachable")]
    public void A_rule_that_asks_for_what_its_type_cannot_see_is_refused_saying_what_it_can_see(string rule, string path, string message)
    {
        var problems = Validate(rule, Device42, Sensor);

        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_inventory_rule_without_a_device42_source_is_refused()
    {
        var problems = Validate("""{ "id": "r", "type": "os-count", "metric": "count", "above": 2 }""", Sensor);

        Assert.Contains(problems, p => p.Path == "$.rules[0].type" && p.Message.Contains("no \"device42\" source is configured"));
    }

    [Fact]
    public void Every_inventory_rule_type_is_valid_in_its_individual_and_any_forms()
    {
        var problems = Validate("""
            { "id": "a", "type": "software-count", "select": ["software/Microsoft Office 2019"], "metric": "license_use_pct", "above": 95 },
            { "id": "b", "type": "software-count", "select": "*", "metric": "count", "above": 100 },
            { "id": "c", "type": "prohibited-software", "select": ["prohibited/uTorrent/ws-042"] },
            { "id": "d", "type": "prohibited-software" },
            { "id": "e", "type": "os-count", "select": ["os/Windows Server 2019"], "metric": "license_use_pct", "above": 90 },
            { "id": "f", "type": "os-count", "select": "os/*", "metric": "count", "above": 100 },
            { "id": "g", "type": "subnet", "select": ["subnet/10.10.0.0/24"], "metric": "used_pct", "above": 90 },
            { "id": "h", "type": "subnet", "select": "subnet/10.*", "metric": "used_pct", "above": 90 },
            { "id": "i", "type": "part-model", "select": ["partmodel/DDR4 32GB RDIMM"], "metric": "available", "below": 3 },
            { "id": "j", "type": "part-model", "metric": "available_pct", "below": 10 },
            { "id": "k", "type": "license-expiry", "select": ["device42"], "metric": "days_left", "below": 30 },
            { "id": "l", "type": "license-expiry", "metric": "reachable", "below": 1, "for": "1h" }
            """, Device42);

        Assert.Empty(problems);
    }

    [Fact]
    public void A_prohibited_software_rule_without_a_condition_fires_while_installed()
    {
        var problems = new ConfigProblems();
        var root = Json.Root("""{ "rules": [{ "id": "d", "type": "prohibited-software" }] }""", problems);

        var rule = Assert.Single(RulesReader.Read(root, [Device42]));

        Assert.Equal(("installed", 0.0, (double?)null), (rule.Metric, rule.Above, rule.Below));
        Assert.Equal(RuleType.ProhibitedSoftware, rule.Type);
    }

    private static IReadOnlyList<ConfigProblem> Validate(string rules, params SourceDescriptor[] sources)
    {
        var problems = new ConfigProblems();
        RulesReader.Read(Json.Root($$"""{ "rules": [{{rules}}] }""", problems), sources);
        return problems.All;
    }
}
