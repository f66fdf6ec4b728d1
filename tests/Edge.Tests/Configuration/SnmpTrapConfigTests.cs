using System.Net;
using System.Text;
using Edge.Configuration;
using Edge.Snmp.Usm;

namespace Edge.Tests.Configuration;

public class SnmpTrapConfigTests
{
    private const string Community = "s3cret-trap-community";
    private const string AuthKey = "auth-passphrase-42";

    private static ConfigLoadResult Parse(string traps) =>
        EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes(
            $$"""{ "appliance": { "id": "dc1-r12" }, "snmp": [ { "id": "ups-1", "host": "10.0.0.6" } ], "snmpTraps": {{traps}} }"""), "/tmp");

    [Fact]
    public void Without_the_section_there_is_no_receiver()
    {
        var result = EdgeConfigLoader.Parse("edge.json", """{ "appliance": { "id": "dc1-r12" } }"""u8.ToArray(), "/tmp");

        Assert.Null(result.Config!.SnmpTraps);
    }

    [Fact]
    public void Listen_communities_users_and_engine_id_are_read()
    {
        var config = Parse($$"""
            { "listen": "0.0.0.0:162", "communities": [ "{{Community}}" ], "engineId": "0x8000000005a1b2c3d4e5f60718",
              "users": [ { "user": "traps", "authProtocol": "sha256", "authKey": "{{AuthKey}}", "privProtocol": "aes128", "privKey": "{{AuthKey}}" } ] }
            """).Config!.SnmpTraps!;

        Assert.Equal(new IPEndPoint(IPAddress.Any, 162), config.Listen);
        Assert.Equal([Community], config.Communities);
        var user = Assert.Single(config.Users);
        Assert.Equal(("traps", SecurityLevel.AuthPriv), (user.User, user.Level));
        Assert.Equal("8000000005A1B2C3D4E5F60718", Convert.ToHexString(config.EngineId!));
        Assert.DoesNotContain(Community, config.ToString());
        Assert.DoesNotContain(AuthKey, config.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:162")]
    [InlineData("[::]:10162", "[::]:10162")]
    public void Listen_takes_an_address_with_or_without_a_port(string listen, string expected) =>
        Assert.Equal(IPEndPoint.Parse(expected), Parse($$"""{ "listen": "{{listen}}" }""").Config!.SnmpTraps!.Listen);

    [Fact]
    public void Every_problem_is_located_and_no_secret_is_repeated()
    {
        var result = Parse($$"""
            { "listen": "everywhere", "communities": [ "{{Community}}", "" ], "engineId": "0x12", "port": 162,
              "users": [ { "user": "traps", "level": "noAuthNoPriv" }, { "user": "weak", "authProtocol": "sha", "authKey": "short" } ] }
            """);

        var problems = result.Problems.Select(p => p.Problem.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("$.snmpTraps.listen: 'everywhere' is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.snmpTraps.communities: must not contain an empty string", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.snmpTraps.engineId:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.snmpTraps.port: unknown setting", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.snmpTraps.users[0].level: a trap user must authenticate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.snmpTraps.users[1].authKey: is too short", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(Community, StringComparison.Ordinal) || p.Contains("short'", StringComparison.Ordinal));
    }
}
