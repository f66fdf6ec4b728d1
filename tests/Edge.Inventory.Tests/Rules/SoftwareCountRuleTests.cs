using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class SoftwareCountRuleTests
{
    [Fact]
    public async Task An_individual_software_rule_triggers_when_licence_use_passes_its_limit_and_resolves_when_it_falls_back()
    {
        await using var site = new Site("""
            [{ "id": "office-licences", "type": "software-count", "select": ["software/Microsoft Office 2019"],
               "metric": "license_use_pct", "above": 95, "clear": 90 }]
            """);

        await site.PollAsync();
        Assert.Equal(90, site.Value("software/Microsoft Office 2019", Metrics.LicenseUsePct));
        Assert.Equal(36, site.Value("software/Microsoft Office 2019", Metrics.Count));
        Assert.Empty(site.Alerts.Events);

        site.Emulator.Change(d => d.Installs.AddRange([new("Microsoft Office 2019", "ws-101"), new("Microsoft Office 2019", "ws-102"), new("Microsoft Office 2019", "ws-103")]));
        await site.PollAsync();
        Assert.Equal(["dc1-r12/office-licences/software/Microsoft Office 2019"], site.Alerts.Triggers);

        site.Emulator.Change(d => d.Installs.RemoveAll(i => i.Software == "Microsoft Office 2019" && string.CompareOrdinal(i.Device, "ws-030") > 0));
        await site.PollAsync();
        Assert.Equal(75, site.Value("software/Microsoft Office 2019", Metrics.LicenseUsePct));
        Assert.Equal(["dc1-r12/office-licences/software/Microsoft Office 2019"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_any_software_rule_gives_each_title_its_own_alert()
    {
        await using var site = new Site("""[{ "id": "software-sprawl", "type": "software-count", "select": "*", "metric": "count", "above": 30 }]""");

        await site.PollAsync();
        site.Emulator.Change(d => d.Installs.AddRange(Enumerable.Range(1, 31).Select(i => new EmulatedInstall("7-Zip", $"ws-{i + 100}"))));
        await site.PollAsync();
        site.Emulator.Change(d => d.Installs.RemoveAll(i => i.Software == "Microsoft Office 2019"));
        await site.PollAsync();

        Assert.Equal(["dc1-r12/software-sprawl/software/Microsoft Office 2019", "dc1-r12/software-sprawl/software/7-Zip"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/software-sprawl/software/Microsoft Office 2019"], site.Alerts.Resolves);
        Assert.Equal(0, site.Value("software/Microsoft Office 2019", Metrics.Count));
    }

    [Fact]
    public async Task A_title_without_licences_has_a_count_and_no_licence_use()
    {
        await using var site = new Site();

        await site.PollAsync();

        Assert.Equal(1, site.Value("software/7-Zip", Metrics.Count));
        Assert.Null(site.Value("software/7-Zip", Metrics.LicenseUsePct));
    }
}
