using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

public class FailureTests
{
    private const string Rules = """
        [{ "id": "no-torrents", "type": "prohibited-software", "select": "*" },
         { "id": "subnet-full", "type": "subnet", "select": "*", "metric": "used_pct", "above": 90 }]
        """;

    [Theory]
    [InlineData(Device42Fault.Unauthorized, null, "refused user 'edge-reader' (HTTP 401 on api/1.0/software/)")]
    [InlineData(Device42Fault.ServerError, null, "HTTP 500 on api/1.0/software/")]
    [InlineData(Device42Fault.MalformedJson, null, "malformed JSON from api/1.0/software/ (offset 0)")]
    [InlineData(Device42Fault.ServerError, "/api/1.0/ips/", "HTTP 500 on api/1.0/ips/")]
    [InlineData(Device42Fault.MalformedJson, "/api/1.0/partmodels/", "malformed JSON from api/1.0/partmodels/")]
    public async Task A_failed_read_writes_reachable_zero_and_nothing_else_and_resolves_nothing(Device42Fault fault, string? onPath, string error)
    {
        await using var site = new Site(Rules);
        await site.PollAsync();
        Assert.Equal(3, site.Alerts.Triggers.Count());

        site.Emulator.Fail(fault, onPath);
        site.Emulator.Change(d =>
        {
            d.Installs.RemoveAll(i => i.Software == "uTorrent");
            d.Subnets[0] = d.Subnets[0] with { UsedIps = 10 };
        });
        await site.PollAsync(2);

        Assert.Equal([("device42", Metrics.DaysLeft), ("device42", Metrics.Reachable)], site.Last.Select(r => (r.Entity, r.Metric)));
        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains(error, site.Source.Problem);
        Assert.Empty(site.Alerts.Resolves);
        // One line when the failure starts, not one per poll.
        Assert.Single(site.Logger.Collector.GetSnapshot(), l => l.Id.Id == 7000);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_the_appliance_and_reads_as_unauthorized()
    {
        await using var site = new Site();
        File.WriteAllText(site.PasswordFile, "not-the-password\n");

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("HTTP 401", site.Source.Problem);
        Assert.Contains("check the user, the password file", site.Source.Problem);
    }

    [Fact]
    public async Task A_slow_answer_times_out_on_the_clock_and_reads_as_unreachable()
    {
        await using var site = new Site(Rules);
        await site.PollAsync();
        site.Emulator.Fail(Device42Fault.Slow, "/api/1.0/subnets/");

        var poll = site.PollAsync();
        await site.Emulator.SlowRequestArrived.WaitAsync(TimeSpan.FromSeconds(20));
        site.Clock.Advance(site.Options.Timeout - TimeSpan.FromSeconds(1));
        Assert.False(poll.IsCompleted);
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await poll.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Equal("no answer on api/1.0/subnets/ within 30s", site.Source.Problem);
        Assert.Empty(site.Alerts.Resolves);
    }

    [Fact]
    public async Task An_appliance_that_is_gone_reads_as_unreachable()
    {
        await using var site = new Site();
        await site.Emulator.DisposeAsync();

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.StartsWith("cannot read api/1.0/software/ from 127.0.0.1:", site.Source.Problem);
    }

    [Fact]
    public async Task An_unreadable_password_file_reads_as_unreachable_without_asking_the_appliance()
    {
        await using var site = new Site();
        File.Delete(site.PasswordFile);

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("cannot read device42.passwordFile", site.Source.Problem);
        Assert.Empty(site.Emulator.Requests);
    }

    [Fact]
    public async Task Reading_again_after_a_failure_is_logged_once_and_resumes_every_reading()
    {
        await using var site = new Site();
        site.Emulator.Fail(Device42Fault.ServerError);
        await site.PollAsync();
        site.Emulator.Fail(Device42Fault.None);
        await site.PollAsync(2);

        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
        Assert.Null(site.Source.Problem);
        Assert.Equal(36, site.Value("software/Microsoft Office 2019", Metrics.Count));
        Assert.Equal([7000, 7001], site.Logger.Collector.GetSnapshot().Select(l => l.Id.Id));
    }

    [Theory]
    [InlineData("software_id", "api/1.0/software_details/ ignored the filter software_id=3: it served an installation of 'Microsoft Office 2019'")]
    // Subnet 1 is asked about first and its own IPs come first, so that answer looks right; subnet 2's shows subnet 1's IP.
    [InlineData("subnet_id", "api/1.0/ips/ ignored the filter subnet_id=2&available=no: it served an object that does not match it")]
    public async Task An_appliance_that_ignores_a_filter_fails_the_read_instead_of_counting_everything(string filter, string error)
    {
        await using var site = new Site(Rules);
        site.Emulator.IgnoredFilters.Add(filter);

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Equal(error, site.Source.Problem);
        Assert.Empty(site.Alerts.Events);
    }
}
