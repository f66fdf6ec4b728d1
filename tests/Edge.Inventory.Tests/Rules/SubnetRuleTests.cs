using Edge.Core.Readings;
using Edge.Inventory.Emulator;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class SubnetRuleTests
{
    [Fact]
    public async Task Used_percentage_is_counted_from_the_subnets_ips_when_device42_does_not_report_it()
    {
        await using var site = new Site();

        await site.PollAsync();

        // 243 addresses in use of the 254 a /24 can hand out; the 5 recorded as available do not count.
        Assert.Equal(95.67, site.Value("subnet/10.10.0.0/24", Metrics.UsedPct));
        Assert.Equal(15.75, site.Value("subnet/10.20.0.0/24", Metrics.UsedPct));
        Assert.Contains(site.Emulator.Requests, r => r.StartsWith("/api/1.0/ips/?subnet_id=1&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_any_subnet_rule_triggers_for_the_full_subnet_and_resolves_when_addresses_are_freed()
    {
        await using var site = new Site("""[{ "id": "subnet-full", "type": "subnet", "select": "*", "metric": "used_pct", "above": 90, "clear": 85 }]""");

        await site.PollAsync();
        SetUsed(site, 1, 200);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/subnet-full/subnet/10.10.0.0/24"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/subnet-full/subnet/10.10.0.0/24"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_individual_subnet_rule_watches_only_its_subnet()
    {
        await using var site = new Site("""[{ "id": "lab-subnet", "type": "subnet", "select": ["subnet/10.20.0.0/24"], "metric": "used_pct", "above": 50 }]""");

        await site.PollAsync();
        SetUsed(site, 2, 150);
        await site.PollAsync();
        SetUsed(site, 2, 100);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/lab-subnet/subnet/10.20.0.0/24"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/lab-subnet/subnet/10.20.0.0/24"], site.Alerts.Resolves);
    }

    [Theory]
    [InlineData("10.0.0.0", 24, 254)]
    [InlineData("10.0.0.0", 31, 2)]
    [InlineData("10.0.0.1", 32, 1)]
    [InlineData("2001:db8::", 120, 256)]
    public void A_subnet_can_hand_out_all_but_its_network_and_broadcast_addresses(string network, int bits, double capacity) =>
        Assert.Equal(capacity, InventoryMapper.HostCapacity(network, bits));

    private static void SetUsed(Site site, int id, int used) => site.Emulator.Change(d =>
    {
        var subnet = d.Subnets.Single(s => s.Id == id);
        d.Subnets[d.Subnets.IndexOf(subnet)] = subnet with { UsedIps = used };
    });
}
