using Edge.Core.Configuration;
using Edge.Inventory.Configuration;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Configuration;

public class Device42ReaderTests
{
    [Fact]
    public void A_complete_block_reads_every_setting()
    {
        var (options, problems) = Read("""
            { "url": "https://d42.example.com/d42", "user": "edge", "passwordFile": "/etc/edge/d42.password", "interval": "10m",
              "timeout": "20s", "pinnedSha256": "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
              "licenseExpiry": "2027-03-01", "pageSize": 200, "maxPages": 50, "maxEntities": 300 }
            """);

        Assert.Empty(problems);
        Assert.Equal("https://d42.example.com/d42/", options!.Url.ToString());
        Assert.Equal(TimeSpan.FromMinutes(10), options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(32, options.PinnedSha256!.Length);
        Assert.Equal(new DateOnly(2027, 3, 1), options.LicenseExpiry);
        Assert.Equal((200, 50, 300), (options.PageSize, options.MaxPages, options.MaxEntities));
        Assert.Equal(new SourceDescriptor("device42", SourceKind.Inventory, TimeSpan.FromMinutes(10), 9 * 300 + 2), options.Descriptor);
    }

    [Fact]
    public void Defaults_are_fifteen_minutes_thirty_seconds_and_pages_of_five_hundred()
    {
        var (options, problems) = Read("""{ "url": "https://d42.example.com", "user": "edge", "passwordFile": "/p" }""");

        Assert.Empty(problems);
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30), 500, 100, 1000),
            (options!.Interval, options.Timeout, options.PageSize, options.MaxPages, options.MaxEntities));
    }

    [Theory]
    [InlineData("""{ "url": "http://d42.example.com", "user": "e", "passwordFile": "/p" }""", "$.device42.url", "plain http to another host")]
    [InlineData("""{ "url": "ftp://d42", "user": "e", "passwordFile": "/p" }""", "$.device42.url", "allowed: https://HOST")]
    [InlineData("""{ "url": "https://d42", "passwordFile": "/p" }""", "$.device42.user", "is required")]
    [InlineData("""{ "url": "https://d42", "user": "e" }""", "$.device42.passwordFile", "is required")]
    [InlineData("""{ "url": "https://d42", "user": "e", "passwordFile": "/p", "caFile": "/ca.pem", "pinnedSha256": "00" }""", "$.device42.pinnedSha256", "not both")]
    [InlineData("""{ "url": "https://d42", "user": "e", "passwordFile": "/p", "pinnedSha256": "xyz" }""", "$.device42.pinnedSha256", "64 hex digits")]
    [InlineData("""{ "url": "http://127.0.0.1:8080", "user": "e", "passwordFile": "/p", "caFile": "/ca.pem" }""", "$.device42.caFile", "https url only")]
    [InlineData("""{ "url": "https://d42", "user": "e", "passwordFile": "/p", "licenseExpiry": "1 March 2027" }""", "$.device42.licenseExpiry", "YYYY-MM-DD")]
    [InlineData("""{ "url": "https://d42", "user": "e", "passwordFile": "/p", "interval": "1m", "timeout": "2m" }""", "$.device42.timeout", "shorter than the interval")]
    [InlineData("""{ "url": "https://d42", "user": "e", "passwordFile": "/p", "pageSize": 5000 }""", "$.device42.pageSize", "from 1 to 1000")]
    [InlineData("""{ "url": "https://d42", "user": "e", "passwordFile": "/p", "intervall": "5m" }""", "$.device42.intervall", "unknown setting")]
    public void A_bad_setting_is_reported_at_its_path_with_what_is_allowed(string block, string path, string message)
    {
        var (options, problems) = Read(block);

        Assert.Null(options);
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_is_allowed_to_a_loopback_address_only()
    {
        Assert.NotNull(Read("""{ "url": "http://127.0.0.1:8042", "user": "e", "passwordFile": "/p" }""").Options);
        Assert.NotNull(Read("""{ "url": "http://localhost:8042", "user": "e", "passwordFile": "/p" }""").Options);
    }

    private static (Device42Options? Options, IReadOnlyList<ConfigProblem> Problems) Read(string block)
    {
        var problems = new ConfigProblems();
        var options = Device42Reader.Read(Json.Root($$"""{ "device42": {{block}} }""", problems));
        return (options, problems.All);
    }
}
