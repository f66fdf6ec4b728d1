using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class PartModelRuleTests
{
    [Fact]
    public async Task An_any_part_model_rule_triggers_on_low_stock_and_resolves_on_restock()
    {
        await using var site = new Site("""[{ "id": "spares-low", "type": "part-model", "select": "*", "metric": "available", "below": 3 }]""");

        await site.PollAsync();
        Assert.Equal(10, site.Value("partmodel/DDR4 32GB RDIMM", Metrics.AvailablePct));
        SetAvailable(site, "DDR4 32GB RDIMM", 12);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/spares-low/partmodel/DDR4 32GB RDIMM"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/spares-low/partmodel/DDR4 32GB RDIMM"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_individual_part_model_rule_watches_the_percentage_available()
    {
        await using var site = new Site("""[{ "id": "nvme-stock", "type": "part-model", "select": ["partmodel/1.92TB NVMe SSD"], "metric": "available_pct", "below": 50 }]""");

        await site.PollAsync();
        SetAvailable(site, "1.92TB NVMe SSD", 3);
        await site.PollAsync();
        Assert.Equal(37.5, site.Value("partmodel/1.92TB NVMe SSD", Metrics.AvailablePct));
        SetAvailable(site, "1.92TB NVMe SSD", 7);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/nvme-stock/partmodel/1.92TB NVMe SSD"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/nvme-stock/partmodel/1.92TB NVMe SSD"], site.Alerts.Resolves);
    }

    private static void SetAvailable(Site site, string name, int available) => site.Emulator.Change(d =>
    {
        var part = d.PartModels.Single(p => p.Name == name);
        d.PartModels[d.PartModels.IndexOf(part)] = part with { AvailableCount = available };
    });
}
