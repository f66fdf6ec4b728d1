using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

/// <summary>Counts as the appliance writes them: numbers, numeric strings, empty strings (swagger examples), and the odd malformed one.</summary>
public class CountTests
{
    [Fact]
    public async Task An_empty_count_gives_no_reading_for_that_figure_of_that_object_only()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.OperatingSystems.Add(new EmulatedOperatingSystem("FreeBSD 14", 4, 1) { Written = new Dictionary<string, string> { ["licensed_count"] = "" } });
        await using var site = new Site(inventory: inventory);

        await site.PollAsync();

        // FreeBSD: total_count 5 and not_licensed_count 1 given, licensed_count "": no licence use, nothing else lost.
        Assert.Equal(5, site.Value("os/FreeBSD 14", Metrics.Count));
        Assert.Equal(1, site.Value("os/FreeBSD 14", Metrics.Unlicensed));
        Assert.Null(site.Value("os/FreeBSD 14", Metrics.LicenseUsePct));
        Assert.Equal(75, site.Value("os/Windows Server 2019", Metrics.LicenseUsePct));
        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
        Assert.DoesNotContain(site.Logger.Collector.GetSnapshot(), l => l.Id.Id is 7000 or 7005);
    }

    [Fact]
    public async Task An_empty_total_count_skips_that_operating_system_and_no_other()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.OperatingSystems.Add(new EmulatedOperatingSystem("FreeBSD 14", 4, 1) { Written = new Dictionary<string, string> { ["total_count"] = "" } });
        await using var site = new Site(inventory: inventory);

        await site.PollAsync();

        Assert.Null(site.Value("os/FreeBSD 14", Metrics.Count));
        Assert.Null(site.Value("os/FreeBSD 14", Metrics.LicenseUsePct));
        Assert.Equal(12, site.Value("os/Windows Server 2019", Metrics.Count));
        Assert.Equal(30, site.Value("os/Ubuntu 22.04", Metrics.Count));
    }

    [Fact]
    public async Task A_malformed_count_skips_its_object_and_is_logged_once()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.OperatingSystems.Add(new EmulatedOperatingSystem("FreeBSD 14", 4, 1) { Written = new Dictionary<string, string> { ["total_count"] = "5 devices" } });
        await using var site = new Site(inventory: inventory);

        await site.PollAsync(3);

        Assert.DoesNotContain(site.Last, r => r.Entity == "os/FreeBSD 14");
        Assert.Equal(12, site.Value("os/Windows Server 2019", Metrics.Count));
        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
        var line = Assert.Single(site.Logger.Collector.GetSnapshot(), l => l.Id.Id == 7005);
        Assert.Contains("os 'FreeBSD 14' has total_count '5 devices', which is not a count; that one object is skipped", line.Message);
    }
}
