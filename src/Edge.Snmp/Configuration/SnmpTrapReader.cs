using System.Net;
using Edge.Core.Configuration;
using Edge.Snmp.Client;

namespace Edge.Snmp.Configuration;

/// <summary>
/// Reads <c>snmpTraps</c>. A top-level section of its own because <c>snmp</c> is the list of devices (interfaces.md);
/// its absence means no receiver. Communities and keys are never repeated in a problem.
/// </summary>
public static class SnmpTrapReader
{
    public const int DefaultPort = 162;

    private static readonly string[] Keys = ["listen", "communities", "users", "engineId"];
    private static readonly string[] UserKeys = ["user", "level", "authProtocol", "authKey", "privProtocol", "privKey"];

    public static SnmpTrapOptions? Read(ConfigNode root)
    {
        if (!root.Has("snmpTraps"))
            return null;
        var node = root.Child("snmpTraps");
        node.OnlyKeys(Keys);
        var before = node.Problems.All.Count;
        var listen = ParseListen(node, node.String("listen", required: true));

        // Communities are secrets: a problem names their place, never their value.
        var communities = node.StringOrList("communities")?.ToList() ?? [];
        if (communities.Any(c => c.Length == 0))
            node.Problem("communities", "must not contain an empty string");

        var users = new List<UsmCredentials>();
        foreach (var item in node.Items("users"))
        {
            item.OnlyKeys(UserKeys);
            var usm = SnmpReader.ReadUsm(item);
            if (usm is { Level: Usm.SecurityLevel.NoAuthNoPriv })
                item.Problem("level", "a trap user must authenticate (authNoPriv or authPriv): without it anyone who knows the name could send traps");
            else if (usm is not null)
                users.Add(usm);
        }

        var engineId = ParseEngineId(node, node.String("engineId"));
        if (node.Problems.All.Count > before || listen is null)
            return null;
        return new SnmpTrapOptions(listen) { Communities = communities, Users = users, EngineId = engineId };
    }

    /// <summary>"IP:port", "[IPv6]:port", or an address alone for port 162. One socket: 0.0.0.0 is IPv4 only, [::] IPv6 only.</summary>
    private static IPEndPoint? ParseListen(ConfigNode node, string? text)
    {
        if (text is null)
            return null;
        if (IPAddress.TryParse(text, out var bare) && !text.StartsWith('['))
            return new IPEndPoint(bare, DefaultPort);
        if (IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port != 0)
            return endPoint;
        node.Problem("listen", $"'{text}' is not allowed; allowed: an IP address and port such as \"0.0.0.0:162\", \"127.0.0.1:10162\" or \"[::]:162\"");
        return null;
    }

    /// <summary>RFC 3411 §5: an SnmpEngineID is 5 to 32 octets; written as hex, with or without "0x".</summary>
    private static byte[]? ParseEngineId(ConfigNode node, string? text)
    {
        if (text is null)
            return null;
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length is >= 10 and <= 64 && hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit))
            return Convert.FromHexString(hex);
        node.Problem("engineId", $"'{text}' is not allowed; allowed: 5 to 32 octets in hex, e.g. \"0x8000000005a1b2c3d4e5f60718\" (RFC 3411)");
        return null;
    }
}
