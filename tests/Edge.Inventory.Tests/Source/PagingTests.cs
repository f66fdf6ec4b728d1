using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

public class PagingTests
{
    private const string AnyProhibited = """[{ "id": "no-torrents", "type": "prohibited-software", "select": "*" }]""";

    [Fact]
    public async Task Listings_are_read_page_by_page_until_total_count_or_an_empty_page()
    {
        await using var site = new Site(configure: o => o with { PageSize = 2, MaxPages = 200 });

        await site.PollAsync();

        // software: 4 components and a total_count of "4": two pages of 2, the total reached.
        Assert.Equal(["/api/1.0/software/?limit=2&offset=0", "/api/1.0/software/?limit=2&offset=2"],
            site.Emulator.Requests.Where(r => r.StartsWith("/api/1.0/software/", StringComparison.Ordinal)));
        // software_details has no total_count: uTorrent's 2 installations, then the empty page that ends the listing.
        Assert.Equal(["/api/1.0/software_details/?software_id=3&limit=2&offset=0", "/api/1.0/software_details/?software_id=3&limit=2&offset=2"],
            site.Emulator.Requests.Where(r => r.StartsWith("/api/1.0/software_details/", StringComparison.Ordinal)));
        Assert.Equal(36, site.Value("software/Microsoft Office 2019", Metrics.Count));
        Assert.Equal(95.67, site.Value("subnet/10.10.0.0/24", Metrics.UsedPct));
    }

    [Fact]
    public async Task A_prohibited_install_only_on_the_fourth_page_of_an_enforced_page_limit_triggers()
    {
        // The appliance enforces an API GET Limit of 100 while Edge asks for 500: uTorrent's 2 demo installations and 350
        // more, ws-999 the 331st of them, at offset 332 — on the fourth page of 100.
        var inventory = EmulatedInventory.Demo();
        inventory.Installs.AddRange(Enumerable.Range(1, 330).Select(i => new EmulatedInstall("uTorrent", $"lab-{i:000}")));
        inventory.Installs.Add(new EmulatedInstall("uTorrent", "ws-999"));
        inventory.Installs.AddRange(Enumerable.Range(331, 19).Select(i => new EmulatedInstall("uTorrent", $"lab-{i:000}")));
        await using var site = new Site(AnyProhibited, inventory);
        site.Emulator.PageLimit = 100;

        await site.PollAsync();

        Assert.Contains("dc1-r12/no-torrents/prohibited/uTorrent/ws-999", site.Alerts.Triggers);
        Assert.Equal(352, site.Alerts.Triggers.Count());
        // 352 installations: pages at 0, 100, 200, 300 (52), then the empty page at 352.
        Assert.Equal([0, 100, 200, 300, 352], site.Emulator.Requests.Where(r => r.StartsWith("/api/1.0/software_details/", StringComparison.Ordinal))
            .Select(r => int.Parse(r[(r.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_listing_the_appliance_stops_answering_after_page_two_resolves_nothing_and_a_real_removal_then_does()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Installs.AddRange(Enumerable.Range(1, 350).Select(i => new EmulatedInstall("uTorrent", $"lab-{i:000}")));
        await using var site = new Site(AnyProhibited, inventory);
        site.Emulator.PageLimit = 100;
        await site.PollAsync();
        Assert.Equal(352, site.Alerts.Triggers.Count());

        // lab-300 is on the fourth page; the appliance stops answering from the third page on, while it is uninstalled.
        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "lab-300")));
        site.Emulator.Fail(Device42Fault.NoAnswer, "/api/1.0/software_details/", fromOffset: 200);
        await site.PollAsync(2);
        Assert.Empty(site.Alerts.Resolves);
        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Null(site.Value("prohibited/uTorrent/lab-300", Metrics.Installed));

        // A removal is taken from two complete reads in a row (RemovalDuringPagingTests).
        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync(2);
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/lab-300"], site.Alerts.Resolves);
        Assert.Equal(0, site.Value("prohibited/uTorrent/lab-300", Metrics.Installed));
    }

    [Fact]
    public async Task A_listing_cut_short_before_its_total_count_fails_the_read()
    {
        await using var site = new Site("""[{ "id": "licences", "type": "software-count", "select": "*", "metric": "count", "above": 0 }]""",
            configure: o => o with { PageSize = 2 });
        await site.PollAsync();
        Assert.Equal(4, site.Alerts.Triggers.Count());

        // software has a total_count of "4"; from offset 2 on the appliance answers pages with no objects.
        site.Emulator.Fail(Device42Fault.EmptyPage, "/api/1.0/software/", fromOffset: 2);
        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("api/1.0/software/ pages disagree at offset 2: an empty page at offset 2 of total_count 4", site.Source.Problem);
        Assert.Empty(site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_listing_longer_than_max_pages_fails_the_read_rather_than_using_part_of_it()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Installs.AddRange(Enumerable.Range(1, 10).Select(i => new EmulatedInstall("uTorrent", $"lab-{i:000}")));
        await using var site = new Site(AnyProhibited, inventory, configure: o => o with { PageSize = 2, MaxPages = 3 });

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("api/1.0/software_details/ has more than 3 pages (of 2 asked, 2 served); raise device42.maxPages", site.Source.Problem);
        Assert.Equal(3, site.Emulator.Requests.Count(r => r.StartsWith("/api/1.0/software_details/", StringComparison.Ordinal)));
        Assert.Empty(site.Alerts.Events);
    }

    [Fact]
    public async Task More_entities_than_max_entities_keeps_the_first_by_id_and_never_resolves_findings_beyond_them()
    {
        await using var site = new Site(AnyProhibited, configure: o => o with { MaxEntities = 1 });
        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-042"], site.Alerts.Triggers);

        site.Emulator.Change(d => d.Installs.Add(new EmulatedInstall("uTorrent", "ws-001")));
        await site.PollAsync();

        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-001", Metrics.Installed));
        Assert.Null(site.Value("prohibited/uTorrent/ws-042", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);
        Assert.Single(site.Logger.Collector.GetSnapshot(), l => l.Id.Id == 7002);
    }
}
