using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Rules;

public class LicenseExpiryRuleTests
{
    [Fact]
    public async Task An_individual_licence_rule_triggers_as_the_configured_expiry_comes_near_and_resolves_on_renewal()
    {
        await using var site = new Site("""[{ "id": "d42-licence", "type": "license-expiry", "select": ["device42"], "metric": "days_left", "below": 30 }]""",
            configure: o => o with { LicenseExpiry = new DateOnly(2027, 1, 1) });

        await site.PollAsync();
        Assert.Equal(35, site.Value("device42", Metrics.DaysLeft));
        site.Clock.Advance(TimeSpan.FromDays(6));
        await site.PollAsync();
        Assert.Equal(29, site.Value("device42", Metrics.DaysLeft));
        site.Reconfigure(o => o with { LicenseExpiry = new DateOnly(2028, 1, 1) });
        await site.PollAsync();

        Assert.Equal(["dc1-r12/d42-licence/device42"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/d42-licence/device42"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_any_licence_rule_reads_zero_days_when_device42_says_its_licence_expired()
    {
        await using var site = new Site("""[{ "id": "d42-licence", "type": "license-expiry", "select": "*", "metric": "days_left", "below": 14 }]""");

        await site.PollAsync();
        site.Emulator.Fail(Device42Fault.LicenseExpired);
        await site.PollAsync();
        Assert.Equal(0, site.Value("device42", Metrics.DaysLeft));
        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("licence has expired", site.Source.Problem);
        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/d42-licence/device42"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/d42-licence/device42"], site.Alerts.Resolves);
    }

    [Fact]
    public async Task A_licence_that_does_not_cover_the_api_is_named_in_plain_words_and_reads_unreachable_not_expired()
    {
        await using var site = new Site("""[{ "id": "d42-unreadable", "type": "license-expiry", "select": "device42", "metric": "reachable", "below": 1 }]""");

        site.Emulator.Fail(Device42Fault.LicenseNotValid);
        await site.PollAsync(2);

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        // Not expired: the configured expiry still counts (2027-03-01 is 95 days after 2026-11-26 12:00, floored).
        Assert.Equal(94, site.Value("device42", Metrics.DaysLeft));
        Assert.StartsWith("Device42's licence does not cover this part of the API, so it refuses it until the licence is extended (HTTP 500 on api/1.0/software/: License is not valid for",
            site.Source.Problem);
        var line = Assert.Single(site.Logger.Collector.GetSnapshot(), l => l.Id.Id == 7004);
        Assert.Contains("refuses Edge because of its own licence", line.Message);
        Assert.Equal(["dc1-r12/d42-unreadable/device42"], site.Alerts.Triggers);
    }

    [Fact]
    public async Task A_rule_can_page_when_device42_cannot_be_read_and_resolve_when_it_can()
    {
        await using var site = new Site("""
            [{ "id": "d42-unreadable", "type": "license-expiry", "select": "device42", "metric": "reachable", "below": 1, "for": "30m" }]
            """);

        await site.PollAsync();
        site.Emulator.Fail(Device42Fault.Unauthorized);
        await site.PollAsync(2);
        Assert.Empty(site.Alerts.Triggers);
        await site.PollAsync();
        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync();

        Assert.Equal(["dc1-r12/d42-unreadable/device42"], site.Alerts.Triggers);
        Assert.Equal(["dc1-r12/d42-unreadable/device42"], site.Alerts.Resolves);
    }

    [Fact]
    public void Days_left_count_whole_days_to_midnight_utc_of_the_expiry_date()
    {
        Assert.Equal(1, Device42Source.DaysLeft(new DateOnly(2026, 11, 28), new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(0, Device42Source.DaysLeft(new DateOnly(2026, 11, 27), new DateTimeOffset(2026, 11, 26, 0, 0, 1, TimeSpan.Zero)));
        Assert.Equal(-1, Device42Source.DaysLeft(new DateOnly(2026, 11, 26), new DateTimeOffset(2026, 11, 26, 0, 0, 1, TimeSpan.Zero)));
    }
}
