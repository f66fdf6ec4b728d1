using System.Text;
using Edge.Configuration;
using Edge.Core.Configuration;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Tests.Configuration;

public class SnmpConfigTests
{
    private const string Community = "s3cret-community";
    private const string AuthKey = "auth-passphrase-42";
    private const string PrivKey = "priv-passphrase-42";

    private static ConfigLoadResult Parse(string snmp, string? rules = null) =>
        EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes(
            $$"""{ "appliance": { "id": "dc1-r12" }, "snmp": {{snmp}} {{(rules is null ? "" : ", \"rules\": " + rules)}} }"""), "/tmp");

    private static IEnumerable<string> Paths(ConfigLoadResult result) => result.Problems.Select(p => p.Problem.Path);

    [Fact]
    public void The_interfaces_md_example_is_valid_and_every_device_becomes_a_source()
    {
        var result = Parse($$"""
            [ { "id": "pdu-a", "host": "10.0.0.5", "version": "2c", "community": "{{Community}}",
                "profile": "auto", "interval": "30s", "timeout": "2s", "retries": 2 },
              { "id": "ups-1", "host": "10.0.0.6", "version": "3", "user": "edge",
                "authProtocol": "sha256", "authKey": "{{AuthKey}}", "privProtocol": "aes128", "privKey": "{{PrivKey}}" } ]
            """);

        Assert.Empty(result.Problems);
        var config = result.Config!;
        Assert.Equal(["pdu-a", "ups-1"], config.Snmp.Select(d => d.Id));
        var pdu = config.Snmp[0];
        Assert.Equal((SnmpVersion.V2c, 161, Community, TimeSpan.FromSeconds(30)), (pdu.Version, pdu.Port, pdu.Community, pdu.Interval));
        var ups = config.Snmp[1];
        Assert.Equal(SnmpVersion.V3, ups.Version);
        Assert.Equal((SecurityLevel.AuthPriv, AuthProtocol.Sha256, PrivProtocol.Aes128), (ups.Usm!.Level, ups.Usm.Auth, ups.Usm.Priv));
        var source = Assert.Single(config.Monitor.Sources, s => s.Id == "ups-1");
        Assert.Equal(new SourceDescriptor("ups-1", SourceKind.SnmpDevice, TimeSpan.FromSeconds(30), 256), source);
    }

    [Fact]
    public void Defaults_give_an_unreachable_verdict_within_ten_seconds()
    {
        var device = Parse("""[ { "id": "pdu-a", "host": "pdu-a.rack12.example" } ]""").Config!.Snmp[0];

        Assert.Equal(("pdu-a.rack12.example", 161, "public", "auto"), (device.Host, device.Port, device.Community, device.Profile));
        Assert.True(device.GiveUpAfter <= TimeSpan.FromSeconds(10), $"{device.GiveUpAfter}");
    }

    [Theory]
    [InlineData("127.0.0.1:1161", "127.0.0.1", 1161)]
    [InlineData("::1", "::1", 161)]
    [InlineData("[fe80::1]:16100", "fe80::1", 16100)]
    [InlineData("ups-3.dc1.example.net:162", "ups-3.dc1.example.net", 162)]
    public void Host_may_be_ipv4_ipv6_or_a_dns_name_with_an_optional_port(string host, string expectedHost, int expectedPort)
    {
        var device = Parse($$"""[ { "id": "d", "host": "{{host}}" } ]""").Config!.Snmp[0];

        Assert.Equal((expectedHost, expectedPort), (device.Host, device.Port));
    }

    [Fact]
    public void Every_bad_entry_is_reported_with_its_json_path()
    {
        var result = Parse("""
            [ { "id": "Bad/Id", "host": "10.0.0.5:99999", "version": "2", "profile": "hp-ilo", "retries": 11, "interval": "0s", "colour": "red" },
              { "id": "ups-1", "version": "3", "level": "authPriv", "authProtocol": "sha3" },
              { "id": "pdu-b", "host": "10.0.0.7", "user": "edge" } ]
            """);

        Assert.False(result.IsValid);
        Assert.Equal(
        [
            "$.snmp[0].colour", "$.snmp[0].id", "$.snmp[0].host", "$.snmp[0].version", "$.snmp[0].profile", "$.snmp[0].interval", "$.snmp[0].retries",
            "$.snmp[1].host", "$.snmp[1].user", "$.snmp[1].authProtocol", "$.snmp[1].authKey", "$.snmp[1].privProtocol", "$.snmp[1].privKey",
            "$.snmp[2].user",
        ], Paths(result));
        Assert.All(result.Problems, p => Assert.NotNull(p.Line));
    }

    [Fact]
    public void Secrets_never_appear_in_problems()
    {
        var result = Parse($$"""
            [ { "id": "ups-1", "host": "10.0.0.6", "version": "3", "user": "edge", "community": "{{Community}}",
                "level": "authNoPriv", "authProtocol": "md5", "authKey": "sh0rtK3", "privKey": "{{PrivKey}}" },
              { "id": "ups-2", "host": "10.0.0.7", "version": "3", "user": "edge", "authProtocol": "sha", "authKey": "{{AuthKey}}",
                "privProtocol": "des", "privKey": "t1nyP" },
              { "id": "pdu-c", "host": "10.0.0.8", "community": { "nested": "{{Community}}" }, "authKey": "{{AuthKey}}" } ]
            """);

        var text = string.Join("\n", result.Problems);
        Assert.Equal(["$.snmp[0].community", "$.snmp[0].authKey", "$.snmp[0].privKey", "$.snmp[1].privKey", "$.snmp[2].community", "$.snmp[2].authKey"], Paths(result));
        foreach (var secret in new[] { Community, AuthKey, PrivKey, "sh0rtK3", "t1nyP" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_never_appear_in_the_options_text()
    {
        var device = Parse($$"""
            [ { "id": "ups-1", "host": "10.0.0.6", "version": "3", "user": "edge", "authProtocol": "sha", "authKey": "{{AuthKey}}", "privProtocol": "aes128", "privKey": "{{PrivKey}}" },
              { "id": "pdu-a", "host": "10.0.0.5", "community": "{{Community}}" } ]
            """).Config!;

        var text = string.Join("\n", device.Snmp.Select(d => d.ToString()).Concat(device.Snmp.Select(d => d.Target(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 161)).ToString())));
        Assert.Contains("ups-1", text, StringComparison.Ordinal);
        foreach (var secret in new[] { Community, AuthKey, PrivKey })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_ids_are_unique_across_sensors_and_snmp()
    {
        var result = EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes("""
            { "sensors": [ { "id": "rack-top", "driver": "simulated" } ],
              "snmp": [ { "id": "pdu-a", "host": "10.0.0.5" }, { "id": "rack-top", "host": "10.0.0.6" }, { "id": "pdu-a", "host": "10.0.0.7" } ] }
            """), "/tmp");

        Assert.Equal(["$.snmp[1].id", "$.snmp[2].id"], Paths(result));
        Assert.Contains("first used in $.sensors", result.Problems[0].Problem.Message, StringComparison.Ordinal);
        Assert.Contains("first used in $.snmp[0]", result.Problems[1].Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_can_select_snmp_devices_and_the_new_preset()
    {
        var result = Parse("""[ { "id": "ups-1", "host": "10.0.0.6" } ]""",
            """[ { "id": "ups-offline", "type": "power-unit-offline", "select": "ups-1", "for": "30s" }, { "preset": "ups-lost-on-battery" } ]""");

        Assert.Empty(result.Problems);
        Assert.Equal(["ups-offline", "ups-lost-on-battery"], result.Config!.Monitor.Rules.Select(r => r.Id));
    }
}
