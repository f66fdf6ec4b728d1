using Edge.Core.Readings;
using Edge.Inventory.Emulator;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class OsCountRuleTests
{
    [Fact]
    public async Task An_individual_os_rule_triggers_on_licence_use_and_resolves_when_devices_are_retired()
    {
        await using var site = new Site("""
            [{ "id": "winsrv-licences", "type": "os-count", "select": ["os/Windows Server 2019"], "metric": "license_use_pct", "above": 80 }]
            """);

        await site.PollAsync();
        Assert.Equal(75, site.Value("os/Windows Server 2019", Metrics.LicenseUsePct));
        SetWindowsServers(site, 14);
        await site.PollAsync();
        SetWindowsServers(site, 12);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/winsrv-licences/os/Windows Server 2019"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/winsrv-licences/os/Windows Server 2019"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_any_os_rule_watches_every_operating_system()
    {
        await using var site = new Site("""[{ "id": "os-fleet", "type": "os-count", "select": "os/*", "metric": "count", "above": 25 }]""");

        await site.PollAsync();
        site.Emulator.Change(d =>
        {
            d.OperatingSystems.Clear();
            d.OperatingSystems.AddRange([new("Windows Server 2019", 26, 16), new("Ubuntu 22.04", 20)]);
        });
        await site.PollAsync();

        Assert.Equal(["dc1-r12/os-fleet/os/Ubuntu 22.04", "dc1-r12/os-fleet/os/Windows Server 2019"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/os-fleet/os/Ubuntu 22.04"], site.Alerts.Resolves);
    }

    private static void SetWindowsServers(Site site, int count) => site.Emulator.Change(d =>
    {
        d.OperatingSystems.RemoveAll(o => o.Name == "Windows Server 2019");
        d.OperatingSystems.Add(new EmulatedOperatingSystem("Windows Server 2019", count, 16));
    });
}
