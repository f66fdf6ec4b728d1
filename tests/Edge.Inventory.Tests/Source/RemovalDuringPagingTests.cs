using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

/// <summary>
/// Device42 pages by offset (swagger info.description, "API Get Limits and Offsets": "'/?offset=100' will start at the
/// 101st result"; parameters <c>offset</c> and <c>limit</c>), and <c>software_details</c> has no page-level
/// <c>total_count</c> (swagger /api/1.0/software_details/ get, 200: limit, offset, software_details). An installation
/// deleted while Edge pages moves every later one a place back, and one of them falls between two pages unseen: the
/// read looks complete. A removal is therefore taken only from two complete reads in a row.
/// </summary>
public class RemovalDuringPagingTests
{
    private const string AnyProhibited = """[{ "id": "no-torrents", "type": "prohibited-software", "select": "*" }]""";
    private const string Installs = "/api/1.0/software_details/";

    /// <summary>uTorrent (software id 3 in the demo) on ws-042, ws-077 and lab-001 … lab-350: 352 installations, in that order.</summary>
    private static EmulatedInventory ManyTorrents()
    {
        var inventory = EmulatedInventory.Demo();
        inventory.Installs.AddRange(Enumerable.Range(1, 350).Select(i => new EmulatedInstall("uTorrent", $"lab-{i:000}")));
        return inventory;
    }

    [Fact]
    public async Task An_install_deleted_while_edge_pages_skips_a_later_one_whose_alert_does_not_resolve()
    {
        await using var site = new Site(AnyProhibited, ManyTorrents());
        site.Emulator.PageLimit = 100;
        await site.PollAsync();
        Assert.Equal(352, site.Alerts.Triggers.Count());

        // ws-042 (position 1) is deleted right after the page at offset 0 (positions 1–100: ws-042, ws-077,
        // lab-001 … lab-098) is served. lab-099 was at position 101 and is now at 100, on the page already read; the
        // page at offset 100 starts at lab-100. Pages of 100, 100, 100 and 51 (351 − 300), then an empty one at 351:
        // a read that looks complete, with 351 installations — all but lab-099.
        site.Emulator.ChangeAfterPage(Installs, 0, d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-042")));
        await site.PollAsync();
        Assert.Equal([0, 100, 200, 300, 351], site.Emulator.Requests.Where(r => r.StartsWith(Installs, StringComparison.Ordinal)).Skip(5)
            .Select(r => int.Parse(r[(r.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
        Assert.Equal(351, site.Last.Count(r => r.Metric == Metrics.Installed && r.Value == 1));
        Assert.Null(site.Value("prohibited/uTorrent/lab-099", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);

        // The next read lists lab-099 again (never resolved, so it pages nobody a second time) and lacks ws-042 for the
        // first time; the one after lacks it again, and only then does ws-042 resolve.
        await site.PollAsync();
        Assert.Equal(1, site.Value("prohibited/uTorrent/lab-099", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);
        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-042"], site.Alerts.Resolves);
        Assert.Equal(352, site.Alerts.Triggers.Count());
    }

    [Fact]
    public async Task An_appliance_serving_an_empty_page_early_for_one_poll_resolves_nothing()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();

        // software_details has no total_count, so an empty first page reads as "uTorrent is installed nowhere".
        site.Emulator.Fail(Device42Fault.EmptyPage, Installs);
        await site.PollAsync();
        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
        Assert.Null(site.Value("prohibited/uTorrent/ws-042", Metrics.Installed));

        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync(2);
        Assert.Empty(site.Alerts.Resolves);
        Assert.Equal(2, site.Alerts.Triggers.Count());
    }

    [Fact]
    public async Task A_real_removal_resolves_on_the_second_complete_read_without_it()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();

        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-077")));
        await site.PollAsync();
        Assert.Null(site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);

        await site.PollAsync();
        Assert.Equal(0, site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_failed_read_between_the_two_does_not_count_as_one_of_them()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();

        site.Emulator.Change(d => d.Installs.Remove(new EmulatedInstall("uTorrent", "ws-077")));
        await site.PollAsync();
        site.Emulator.Fail(Device42Fault.ServerError);
        await site.PollAsync(2);
        Assert.Empty(site.Alerts.Resolves);

        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync();
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-077"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_removal_that_is_back_on_the_next_read_resolves_nothing_and_starts_over()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();
        var ws077 = new EmulatedInstall("uTorrent", "ws-077");

        site.Emulator.Change(d => d.Installs.Remove(ws077));
        await site.PollAsync();
        site.Emulator.Change(d => d.Installs.Add(ws077));
        await site.PollAsync();
        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));

        // Gone again: a first miss once more, not the second of a row.
        site.Emulator.Change(d => d.Installs.Remove(ws077));
        await site.PollAsync();
        Assert.Null(site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);
        Assert.Equal(2, site.Alerts.Triggers.Count());
    }

    [Fact]
    public async Task A_removal_listed_again_by_a_capped_read_in_between_starts_over()
    {
        await using var site = new Site(AnyProhibited, configure: o => o with { MaxEntities = 2 });
        await site.PollAsync();
        var ws077 = new EmulatedInstall("uTorrent", "ws-077");
        var ws100 = new EmulatedInstall("uTorrent", "ws-100");

        site.Emulator.Change(d => d.Installs.Remove(ws077));
        await site.PollAsync();
        // Three findings, two kept (ws-042 and ws-077, the first by id): a capped read, which lists ws-077 but cannot
        // confirm anything.
        site.Emulator.Change(d => d.Installs.AddRange([ws077, ws100]));
        await site.PollAsync();
        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));

        // Complete again, without ws-077: the two complete reads without it were not in a row of absences.
        site.Emulator.Change(d => d.Installs.RemoveAll(x => x == ws077 || x == ws100));
        await site.PollAsync();
        Assert.Null(site.Value("prohibited/uTorrent/ws-077", Metrics.Installed));
        Assert.Empty(site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_new_install_triggers_on_the_first_read_that_lists_it_even_right_after_its_removal()
    {
        await using var site = new Site(AnyProhibited);
        await site.PollAsync();
        Assert.Equal(2, site.Alerts.Triggers.Count());

        var ws099 = new EmulatedInstall("uTorrent", "ws-099");
        site.Emulator.Change(d => d.Installs.Add(ws099));
        await site.PollAsync();
        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-099", Metrics.Installed));
        Assert.Equal("dc1-r12/no-torrents/prohibited/uTorrent/ws-099", site.Alerts.Triggers.Last());

        // Removed (two reads), then installed again: it pages again on the very read that lists it.
        site.Emulator.Change(d => d.Installs.Remove(ws099));
        await site.PollAsync(2);
        Assert.Equal(["dc1-r12/no-torrents/prohibited/uTorrent/ws-099"], site.Alerts.Resolves);
        site.Emulator.Change(d => d.Installs.Add(ws099));
        await site.PollAsync();
        Assert.Equal(1, site.Value("prohibited/uTorrent/ws-099", Metrics.Installed));
        Assert.Equal(2, site.Alerts.Triggers.Count(k => k == "dc1-r12/no-torrents/prohibited/uTorrent/ws-099"));
    }
}
