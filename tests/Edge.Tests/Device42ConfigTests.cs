using System.Text;
using Edge.Configuration;
using Edge.Core.Configuration;
using Edge.Demo;

namespace Edge.Tests;

/// <summary>The <c>device42</c> block in a whole configuration, as <c>edge config check</c> and <c>edge run</c> load it.</summary>
public class Device42ConfigTests
{
    [Fact]
    public void A_configuration_with_device42_and_inventory_rules_loads_with_the_inventory_source()
    {
        var result = Load("""
            { "appliance": { "id": "dc1-r12" },
              "device42": { "url": "https://d42.example.com", "user": "edge", "passwordFile": "/etc/edge/d42.password",
                            "pinnedSha256": "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" },
              "rules": [ { "id": "no-prohibited", "type": "prohibited-software" },
                         { "id": "subnet-full", "type": "subnet", "select": "subnet/10.*", "metric": "used_pct", "above": 90 } ] }
            """);

        Assert.Empty(result.Problems);
        Assert.Equal("https://d42.example.com/", result.Config!.Device42!.Url.ToString());
        Assert.Contains(result.Config.Monitor.Sources, s => s is { Id: "device42", Kind: SourceKind.Inventory });
    }

    [Fact]
    public void A_sensor_named_like_an_inventory_kind_is_refused_while_device42_is_configured()
    {
        var result = Load("""
            { "sensors": [ { "id": "software", "driver": "simulated" } ],
              "device42": { "url": "https://d42.example.com", "user": "edge", "passwordFile": "/p" } }
            """);

        Assert.Contains(result.Problems, p => p.ToString().Contains("device id 'software' is reserved while \"device42\" is configured"));
    }

    [Fact]
    public void A_bad_device42_setting_is_located_by_json_path_and_line()
    {
        var result = Load("""
            {
              "device42": { "url": "https://d42.example.com", "user": "edge", "passwordFile": "/p",
                            "interval": "soon" }
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Contains(":3: $.device42.interval: 'soon' is not a duration", problem.ToString());
    }

    [Fact]
    public void The_demo_configuration_reads_a_simulated_device42()
    {
        var config = Load(DemoConfig.Json).Config!;

        Assert.Equal(DemoConfig.Device42User, config.Device42!.User);
        Assert.Contains(config.Monitor.Rules, r => r.Id == "no-prohibited-software");
    }

    private static ConfigLoadResult Load(string json) => EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes(json), "/tmp");
}
