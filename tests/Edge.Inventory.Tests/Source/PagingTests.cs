using Edge.Core.Readings;
using Edge.Inventory.Emulator;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

public class PagingTests
{
    [Fact]
    public async Task Listings_are_read_page_by_page_with_limit_and_offset_until_total_count()
    {
        // The busy subnet has 248 IPs: 124 pages of 2.
        await using var site = new Site(configure: o => o with { PageSize = 2, MaxPages = 200 });

        await site.PollAsync();

        Assert.Equal(["/api/1.0/software/?limit=2&offset=0", "/api/1.0/software/?limit=2&offset=2"],
            site.Emulator.Requests.Where(r => r.StartsWith("/api/1.0/software/", StringComparison.Ordinal)));
        // 44 installations: 22 pages of 2.
        Assert.Equal(22, site.Emulator.Requests.Count(r => r.StartsWith("/api/1.0/software_details/", StringComparison.Ordinal)));
        Assert.Equal(36, site.Value("software/Microsoft Office 2019", Metrics.Count));
        Assert.Equal(95.67, site.Value("subnet/10.10.0.0/24", Metrics.UsedPct));
    }

    [Fact]
    public async Task Pages_the_appliance_cuts_short_of_the_asked_limit_are_followed_by_offset()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Installs.AddRange(Enumerable.Range(1, 2500).Select(i => new EmulatedInstall("7-Zip", $"pc-{i}")));
        await using var site = new Site(inventory: inventory, configure: o => o with { PageSize = 1000 });

        await site.PollAsync();

        Assert.Equal(3, site.Emulator.Requests.Count(r => r.StartsWith("/api/1.0/software_details/", StringComparison.Ordinal)));
        Assert.Equal(2501, site.Value("software/7-Zip", Metrics.Count));
    }

    [Fact]
    public async Task A_listing_longer_than_max_pages_fails_the_read_rather_than_using_part_of_it()
    {
        await using var site = new Site("""[{ "id": "no-torrents", "type": "prohibited-software", "select": "*" }]""", configure: o => o with { PageSize = 2, MaxPages = 3 });

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("api/1.0/software_details/ has more than 3 pages of 2; raise device42.maxPages", site.Source.LastError);
        Assert.Equal(3, site.Emulator.Requests.Count(r => r.StartsWith("/api/1.0/software_details/", StringComparison.Ordinal)));
        Assert.Empty(site.Alerts.Events);
    }

    [Fact]
    public async Task More_entities_than_max_entities_keeps_the_first_by_id_and_never_resolves_findings_beyond_them()
    {
        await using var site = new Site("""[{ "id": "no-torrents", "type": "prohibited-software", "select": "*" }]""", configure: o => o with { MaxEntities = 1 });
        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-042"], site.Alerts.Triggers);

        site.Emulator.Change(d => d.Installs.Add(new EmulatedInstall("uTorrent", "ws-001")));
        await site.PollAsync();

        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-001", Metrics.Installed));
        Assert.Null(site.Value("prohibited/uTorrent/ws-042", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);
        Assert.Single(site.Logger.Lines, l => l.EventId == 7002);
    }
}
