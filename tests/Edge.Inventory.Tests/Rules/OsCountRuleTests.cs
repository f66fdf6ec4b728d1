using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class OsCountRuleTests
{
    [Fact]
    public async Task An_individual_os_rule_pages_when_too_few_devices_run_it_licensed_and_resolves_once_they_are()
    {
        await using var site = new Site("""
            [{ "id": "winsrv-licences", "type": "os-count", "select": ["os/Windows Server 2019"], "metric": "license_use_pct", "below": 80 }]
            """);

        await site.PollAsync();
        // The demo's 12 Windows servers, 9 licensed: 100 × 9 ÷ 12 = 75 %.
        Assert.Equal(75, site.Value("os/Windows Server 2019", Metrics.LicenseUsePct));
        SetWindowsServers(site, licensed: 11, notLicensed: 1);
        await site.PollAsync();
        // 100 × 11 ÷ 12 = 91.67 %.
        Assert.Equal(91.67, site.Value("os/Windows Server 2019", Metrics.LicenseUsePct));
        SetWindowsServers(site, licensed: 11, notLicensed: 5);
        await site.PollAsync();
        // 100 × 11 ÷ 16 = 68.75 %.
        Assert.Equal(68.75, site.Value("os/Windows Server 2019", Metrics.LicenseUsePct));

        Assert.Equal(["dc1-r12/winsrv-licences/os/Windows Server 2019", "dc1-r12/winsrv-licences/os/Windows Server 2019"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/winsrv-licences/os/Windows Server 2019"], site.Alerts.Resolves);
    }

    [Fact]
    public void Licence_use_is_as_device42_defines_it_not_devices_over_licences()
    {
        // Device42's counts per OS: total = licensed + not licensed. 40 devices, 30 licensed: 100 × 30 ÷ 40 = 75 %, never
        // 100 × 40 ÷ 30 = 133 % (devices over licensed devices, which reads ≥ 100 % whenever anything is unlicensed).
        var readings = new List<Reading>();
        var os = System.Text.Json.JsonSerializer.Deserialize("""
            { "operatingsystems": [ { "name": "RHEL 9", "total_count": 40, "licensed_count": 30, "not_licensed_count": 10 } ] }
            """, Client.Device42Json.Default.OperatingSystemPage)!.Items!;
        InventoryMapper.Map(new InventorySnapshot([], [], true, os, [], new Dictionary<int, int>(), []), 10, new ProhibitedFindings(10),
            DateTimeOffset.UnixEpoch, readings, []);

        Assert.Equal([(Metrics.Count, 40.0), (Metrics.LicenseUsePct, 75.0), (Metrics.Unlicensed, 10.0)], readings.Select(r => (r.Metric, r.Value)));
    }

    [Fact]
    public async Task An_any_os_rule_can_page_on_any_device_running_an_unlicensed_os()
    {
        await using var site = new Site("""[{ "id": "unlicensed-os", "type": "os-count", "select": "*", "metric": "unlicensed", "above": 0 }]""");

        await site.PollAsync();
        Assert.Equal(3, site.Value("os/Windows Server 2019", Metrics.Unlicensed));
        SetWindowsServers(site, licensed: 12, notLicensed: 0);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/unlicensed-os/os/Ubuntu 22.04", "dc1-r12/unlicensed-os/os/Windows Server 2019"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/unlicensed-os/os/Windows Server 2019"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_any_os_rule_watches_every_operating_system()
    {
        await using var site = new Site("""[{ "id": "os-fleet", "type": "os-count", "select": "os/*", "metric": "count", "above": 25 }]""");

        await site.PollAsync();
        site.Emulator.Change(d =>
        {
            d.OperatingSystems.Clear();
            d.OperatingSystems.AddRange([new("Windows Server 2019", Licensed: 16, NotLicensed: 10), new("Ubuntu 22.04", Licensed: 0, NotLicensed: 20)]);
        });
        await site.PollAsync();

        Assert.Equal(["dc1-r12/os-fleet/os/Ubuntu 22.04", "dc1-r12/os-fleet/os/Windows Server 2019"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/os-fleet/os/Ubuntu 22.04"], site.Alerts.Resolves);
    }

    private static void SetWindowsServers(Site site, int licensed, int notLicensed) => site.Emulator.Change(d =>
    {
        d.OperatingSystems.RemoveAll(o => o.Name == "Windows Server 2019");
        d.OperatingSystems.Add(new EmulatedOperatingSystem("Windows Server 2019", licensed, notLicensed));
    });
}
