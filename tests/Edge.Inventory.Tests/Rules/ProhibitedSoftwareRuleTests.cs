using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class ProhibitedSoftwareRuleTests
{
    private const string AnyProhibited = """[{ "id": "no-torrents", "type": "prohibited-software", "select": "*", "severity": "error" }]""";

    [Fact]
    public async Task Any_prohibited_install_pages_per_software_and_device_and_its_removal_resolves_it()
    {
        await using var site = new Site(AnyProhibited);

        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-042", "dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Triggers);

        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-077")));
        // A removal is taken from two complete reads in a row (one can skip an installation, RemovalDuringPagingTests).
        await site.PollAsync(2);

        Assert.Equal(0, site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));
        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-042", Metrics.Installed));
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
        var trigger = site.Alerts.Events[0];
        Assert.Equal("prohibited-software", trigger.RuleType);
        Assert.Equal("device42", trigger.SourceId);
    }

    [Fact]
    public async Task An_individual_prohibited_rule_watches_only_the_pairs_it_names()
    {
        await using var site = new Site("""[{ "id": "ws42-torrent", "type": "prohibited-software", "select": ["prohibited/uTorrent/ws-042"] }]""");

        await site.PollAsync();
        site.Emulator.Change(d =>
        {
            d.Software.Add(new EmulatedSoftware("Tor Browser", "Prohibited"));
            d.Installs.Add(new EmulatedInstall("Tor Browser", "ws-042"));
        });
        await site.PollAsync();
        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-042")));
        await site.PollAsync(2);

        Assert.Equal(["dc1-r12/ws42-torrent/prohibited/uTorrent/ws-042"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/ws42-torrent/prohibited/uTorrent/ws-042"], site.Alerts.Resolves);
        Assert.Equal(1, site.Value("prohibited/Tor Browser/ws-042", Metrics.Installed));
    }

    [Fact]
    public async Task A_glob_selects_findings_by_device()
    {
        await using var site = new Site("""[{ "id": "lab-torrents", "type": "prohibited-software", "select": "prohibited/*/ws-07?" }]""");

        await site.PollAsync();

        Assert.Equal(["dc1-r12/lab-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Triggers);
    }

    [Fact]
    public async Task A_finding_removed_while_device42_cannot_be_read_resolves_only_once_a_complete_read_shows_it_gone()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();

        site.Emulator.Fail(Device42Fault.ServerError);
        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-077")));
        await site.PollAsync(3);
        Assert.Empty(site.Alerts.Resolves);
        Assert.Null(site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));

        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync();
        Assert.Empty(site.Alerts.Resolves);
        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_removal_keeps_reading_zero_so_a_clear_for_can_run_its_course()
    {
        await using var site = new Site("""[{ "id": "no-torrents", "type": "prohibited-software", "select": "*", "clearFor": "30m" }]""");
        await site.PollAsync();

        // Polls every 15 minutes: the first read without ws-077 gives no reading, the second reads 0 and starts the
        // 30 minutes of clearFor, which have run their course two polls later.
        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-077")));
        await site.PollAsync(3);
        Assert.Empty(site.Alerts.Resolves);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_title_that_becomes_prohibited_pages_and_one_that_is_allowed_again_resolves()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();

        site.Emulator.Change(d =>
        {
            d.Software.Remove(new EmulatedSoftware("7-Zip", "Unmanaged"));
            d.Software.Add(new EmulatedSoftware("7-Zip", "prohibited"));
            d.Software.Remove(new EmulatedSoftware("uTorrent", "Prohibited"));
            d.Software.Add(new EmulatedSoftware("uTorrent", "Managed"));
        });
        await site.PollAsync();
        Assert.Contains("dc1-r12/no-torrents/prohibited/7-Zip/ws-001", site.Alerts.Triggers);
        Assert.Empty(site.Alerts.Resolves);

        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-042", "dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_finding_uninstalled_while_edge_was_stopped_still_resolves_after_the_restart()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();
        Assert.Equal(["prohibited/uTorrent/ws-042", "prohibited/uTorrent/ws-077"], File.ReadAllLines(site.FindingsFile));

        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-077")));
        site.Reconfigure(o => o);
        await site.PollAsync(2);

        Assert.Equal(0, site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
    }
}
