using System.Security.Cryptography;
using System.Text;
using Edge.Core.Configuration;
using Edge.Inventory.Configuration;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

public class SecretTests
{
    private static readonly string[] Secrets = [Site.Password, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Site.User}:{Site.Password}"))];

    [Fact]
    public async Task The_password_appears_in_no_log_line_error_reading_or_alert_whatever_goes_wrong()
    {
        var said = new List<string>();
        await using (var site = new Site("""
            [{ "id": "no-torrents", "type": "prohibited-software", "select": "*" },
             { "id": "d42-unreadable", "type": "license-expiry", "select": "device42", "metric": "reachable", "below": 1 }]
            """))
        {
            foreach (var fault in Enum.GetValues<Device42Fault>().Where(f => f != Device42Fault.Slow))
            {
                site.Emulator.Fail(fault);
                await site.PollAsync();
                said.Add(site.Source.Problem ?? "");
            }
            site.Emulator.Fail(Device42Fault.Slow);
            var poll = site.PollAsync();
            await site.Emulator.SlowRequestArrived.WaitAsync(TimeSpan.FromSeconds(20));
            site.Clock.Advance(site.Options.Timeout);
            await poll.WaitAsync(TimeSpan.FromSeconds(20));
            said.Add(site.Source.Problem ?? "");
            File.WriteAllText(site.PasswordFile, "wrong " + Site.Password);
            site.Emulator.Fail(Device42Fault.None);
            await site.PollAsync();
            said.Add(site.Source.Problem ?? "");

            said.AddRange(site.Logger.Collector.GetSnapshot().Select(l => $"{l.Message} {l.Exception}"));
            said.AddRange(site.Last.Select(r => r.Entity));
            said.AddRange(site.Alerts.Events.SelectMany(e => new[] { e.Summary, e.DedupKey, e.SourceId ?? "", e.Entity ?? "", string.Join(" ", e.Details.Recent.Select(r => r.Value)) }));
            Assert.Contains(said, s => s.Contains("HTTP 401", StringComparison.Ordinal));
            Assert.NotEmpty(site.Alerts.Events);
        }
        await using (var tls = new Site(certificate: Device42Emulator.CreateSelfSignedCertificate(), configure: o => o with { PinnedSha256 = SHA256.HashData("x"u8) }))
        {
            await tls.PollAsync();
            said.Add(tls.Source.Problem ?? "");
            said.AddRange(tls.Logger.Collector.GetSnapshot().Select(l => $"{l.Message} {l.Exception}"));
        }

        foreach (var secret in Secrets)
            Assert.DoesNotContain(said, s => s.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void A_configuration_that_puts_the_password_in_the_url_or_in_the_file_is_refused_without_repeating_it()
    {
        var problems = new ConfigProblems();
        var root = Json.Root($$"""
            { "device42": { "url": "https://{{Site.User}}:{{Site.Password}}@d42.example.com/", "user": "{{Site.User}}",
                            "passwordFile": "/etc/edge/d42.password", "password": "{{Site.Password}}" } }
            """, problems);

        Assert.Null(Device42Reader.Read(root));

        Assert.Contains(problems.All, p => p.Path == "$.device42.url" && p.Message.Contains("must not carry a user or password"));
        Assert.Contains(problems.All, p => p.Path == "$.device42.password" && p.Message.Contains("passwordFile"));
        foreach (var secret in Secrets)
            Assert.DoesNotContain(problems.All, p => p.ToString().Contains(secret, StringComparison.Ordinal));
    }
}
