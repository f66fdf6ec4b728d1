using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class SubnetRuleTests
{
    [Fact]
    public async Task Used_percentage_is_the_count_of_ips_in_use_asked_for_once_per_subnet()
    {
        await using var site = new Site();

        await site.PollAsync();

        // 243 addresses in use of the 254 a /24 can hand out (256 less network and broadcast): 100 × 243 ÷ 254 = 95.67 %;
        // the 5 recorded as available do not count. 40 of 254 = 15.75 %.
        Assert.Equal(95.67, site.Value("subnet/10.10.0.0/24", Metrics.UsedPct));
        Assert.Equal(15.75, site.Value("subnet/10.20.0.0/24", Metrics.UsedPct));
        Assert.Equal(["/api/1.0/ips/?subnet_id=1&available=no&limit=1&offset=0", "/api/1.0/ips/?subnet_id=2&available=no&limit=1&offset=0"],
            site.Emulator.Requests.Where(r => r.StartsWith("/api/1.0/ips/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_same_network_in_two_vrf_groups_is_two_subnets_that_alert_separately()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Subnets.Clear();
        inventory.Subnets.AddRange([
            new(1, "192.168.1.0", 24, UsedIps: 250, VrfGroup: "Tenant A"),
            new(2, "192.168.1.0", 24, UsedIps: 10, VrfGroup: "Tenant B"),
            new(3, "192.168.1.0", 24, UsedIps: 20),
        ]);
        await using var site = new Site("""[{ "id": "subnet-full", "type": "subnet", "select": "*", "metric": "used_pct", "above": 90, "clear": 85 }]""", inventory);

        await site.PollAsync();
        // 250 of 254 = 98.43 %; 10 of 254 = 3.94 %; 20 of 254 = 7.87 %.
        Assert.Equal(98.43, site.Value("subnet/Tenant A/192.168.1.0/24", Metrics.UsedPct));
        Assert.Equal(3.94, site.Value("subnet/Tenant B/192.168.1.0/24", Metrics.UsedPct));
        Assert.Equal(7.87, site.Value("subnet/192.168.1.0/24", Metrics.UsedPct));
        SetUsed(site, 2, 240);
        await site.PollAsync();
        SetUsed(site, 1, 100);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/subnet-full/subnet/Tenant A/192.168.1.0/24", "dc1-r12/subnet-full/subnet/Tenant B/192.168.1.0/24"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/subnet-full/subnet/Tenant A/192.168.1.0/24"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task Network_and_broadcast_addresses_count_as_usable_only_where_the_subnet_allows_them()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Subnets.Clear();
        inventory.Subnets.AddRange([
            new(1, "10.1.0.0", 24, UsedIps: 128, AllowNetworkAddress: true, AllowBroadcastAddress: true),
            new(2, "10.2.0.0", 24, UsedIps: 127, AllowNetworkAddress: true),
            new(3, "10.3.0.0", 24, UsedIps: 127),
        ]);
        await using var site = new Site(inventory: inventory);

        await site.PollAsync();

        // 128 of 256 = 50 %; 127 of 255 = 49.8 %; 127 of 254 = 50 %.
        Assert.Equal(50, site.Value("subnet/10.1.0.0/24", Metrics.UsedPct));
        Assert.Equal(49.8, site.Value("subnet/10.2.0.0/24", Metrics.UsedPct));
        Assert.Equal(50, site.Value("subnet/10.3.0.0/24", Metrics.UsedPct));
    }

    [Fact]
    public async Task An_ipv6_subnet_has_no_used_percentage_and_is_not_asked_about()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Subnets.Add(new(3, "2001:db8::", 120, UsedIps: 200));
        await using var site = new Site(inventory: inventory);

        await site.PollAsync();

        Assert.Null(site.Value("subnet/2001:db8::/120", Metrics.UsedPct));
        Assert.DoesNotContain(site.Emulator.Requests, r => r.StartsWith("/api/1.0/ips/?subnet_id=3&", StringComparison.Ordinal));
        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
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
    [InlineData("10.0.0.0", 24, false, false, 254.0)]
    [InlineData("10.0.0.0", 24, true, false, 255.0)]
    [InlineData("10.0.0.0", 24, true, true, 256.0)]
    [InlineData("10.0.0.0", 30, false, false, 2.0)]
    [InlineData("10.0.0.0", 31, false, false, 2.0)]
    [InlineData("10.0.0.1", 32, false, false, 1.0)]
    [InlineData("2001:db8::", 120, true, true, null)]
    public void A_subnet_can_hand_out_all_but_its_network_and_broadcast_addresses_unless_they_are_allowed(string network, int bits, bool allowNetwork,
        bool allowBroadcast, double? capacity) =>
        Assert.Equal(capacity, InventoryMapper.HostCapacity(network, bits, allowNetwork, allowBroadcast));

    private static void SetUsed(Site site, int id, int used) => site.Emulator.Change(d =>
    {
        var subnet = d.Subnets.Single(s => s.Id == id);
        d.Subnets[d.Subnets.IndexOf(subnet)] = subnet with { UsedIps = used };
    });
}
