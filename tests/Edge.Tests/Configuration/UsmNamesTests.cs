using System.CommandLine;
using System.Text;
using Edge.Commands;
using Edge.Configuration;
using Edge.Snmp.Usm;

namespace Edge.Tests.Configuration;

/// <summary>edge.json and <c>edge snmp</c> take the same SNMPv3 names, net-snmp's spellings included.</summary>
public class UsmNamesTests
{
    private const string AuthKey = "auth-passphrase-42";
    private const string PrivKey = "priv-passphrase-42";

    [Theory]
    [InlineData("authPriv", "sha256", "aes128", AuthProtocol.Sha256, PrivProtocol.Aes128)]
    [InlineData("AuthPriv", "SHA-256", "AES", AuthProtocol.Sha256, PrivProtocol.Aes128)]
    [InlineData("authpriv", "SHA-224", "AES-128", AuthProtocol.Sha224, PrivProtocol.Aes128)]
    [InlineData("authPriv", "sha1", "DES", AuthProtocol.Sha1, PrivProtocol.Des)]
    [InlineData("authPriv", "SHA", "des", AuthProtocol.Sha1, PrivProtocol.Des)]
    public void The_configuration_and_the_command_line_read_a_name_the_same_way(string level, string auth, string priv, AuthProtocol expectedAuth, PrivProtocol expectedPriv)
    {
        var fromFile = EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes($$"""
            { "appliance": { "id": "dc1-r12" }, "snmp": [ { "id": "ups-1", "host": "10.0.0.6", "version": "3", "user": "edge",
              "level": "{{level}}", "authProtocol": "{{auth}}", "authKey": "{{AuthKey}}", "privProtocol": "{{priv}}", "privKey": "{{PrivKey}}" } ] }
            """), "/tmp");
        Assert.Empty(fromFile.Problems);
        var file = fromFile.Config!.Snmp[0].Usm!;

        var command = new Command("read");
        SnmpOptions.AddTo(command);
        var parse = command.Parse(["--version", "3", "--user", "edge", "--level", level, "--auth-protocol", auth, "--auth-key", AuthKey,
            "--priv-protocol", priv, "--priv-key", PrivKey]);
        var line = SnmpOptions.TryCreateTarget(parse, "127.0.0.1", out var problem)?.Usm;
        Assert.True(line is not null, problem);

        Assert.Equal((SecurityLevel.AuthPriv, expectedAuth, expectedPriv), (file.Level, file.Auth, file.Priv));
        Assert.Equal((file.Level, file.Auth, file.Priv), (line!.Level, line.Auth, line.Priv));
    }

    [Fact]
    public void An_unknown_name_is_refused_by_both_with_the_same_list()
    {
        var fromFile = EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes($$"""
            { "appliance": { "id": "dc1-r12" }, "snmp": [ { "id": "ups-1", "host": "10.0.0.6", "version": "3", "user": "edge",
              "authProtocol": "sha3", "authKey": "{{AuthKey}}" } ] }
            """), "/tmp");
        var command = new Command("read");
        SnmpOptions.AddTo(command);
        SnmpOptions.TryCreateTarget(command.Parse(["--version", "3", "--user", "edge", "--auth-protocol", "sha3", "--auth-key", AuthKey]), "127.0.0.1", out var problem);

        var fileProblem = Assert.Single(fromFile.Problems, p => p.Problem.Path == "$.snmp[0].authProtocol").Problem.Message;
        const string Allowed = "md5, sha, sha224, sha256, sha384, sha512";
        Assert.Contains(Allowed, fileProblem, StringComparison.Ordinal);
        Assert.Contains(Allowed, problem, StringComparison.Ordinal);
    }
}
