using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Edge.Core.Configuration;
using Edge.Snmp.Client;
using Edge.Snmp.Profiles;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Configuration;

/// <summary>
/// Reads and validates <c>snmp</c> (interfaces.md): every problem with its JSON path, and never the value of a
/// community or key in a message (they are only ever said to be missing, too short or not a string).
/// </summary>
public static partial class SnmpReader
{
    public const string DefaultCommunity = "public";
    public const int DefaultPort = 161;
    public const int DefaultRetries = 2;
    public const int DefaultMaxSeries = 256;
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>2 s × (1 + 2 retries) = 6 s: by default an unreachable device reads as such well within 10 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    public static readonly IReadOnlyList<string> Versions = ["1", "2c", "3"];

    private static readonly string[] Keys =
        ["id", "host", "version", "community", "profile", "interval", "timeout", "retries", "maxSeries",
         "user", "level", "authProtocol", "authKey", "privProtocol", "privKey", "context"];

    private static readonly string[] V3Keys = ["user", "level", "authProtocol", "authKey", "privProtocol", "privKey", "context"];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostNamePattern();

    public static List<SnmpDeviceOptions> Read(ConfigNode root)
    {
        var devices = new List<SnmpDeviceOptions>();
        foreach (var node in root.Items("snmp"))
        {
            if (ReadDevice(node) is { } device)
                devices.Add(device);
        }
        return devices;
    }

    private static SnmpDeviceOptions? ReadDevice(ConfigNode node)
    {
        node.OnlyKeys(Keys);
        var before = node.Problems.All.Count;
        var id = node.String("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            node.Problem("id", $"'{id}' is not allowed; allowed: 1 to 64 characters of a-z, 0-9, '_' and '-' (it is the DEVICE of entity ids, so no '/')");

        var hostText = node.String("host", required: true);
        (string Host, int Port)? host = null;
        if (hostText is not null)
        {
            host = ParseHost(hostText, out var hostProblem);
            if (hostProblem is not null)
                node.Problem("host", hostProblem);
        }

        var versionText = node.OneOf("version", Versions) ?? "2c";
        var version = versionText switch { "1" => SnmpVersion.V1, "3" => SnmpVersion.V3, _ => SnmpVersion.V2c };
        var community = node.String("community", secret: true);
        if (community is not null && version == SnmpVersion.V3)
            node.Problem("community", "is for SNMP v1/v2c; a v3 device authenticates with \"user\" and its keys");
        if (community is { Length: 0 })
            node.Problem("community", "must not be empty");

        var profile = node.OneOf("profile", DeviceProfiles.Names) ?? DeviceProfiles.Auto;
        var interval = node.Duration("interval", allowZero: false) ?? DefaultInterval;
        var timeout = node.Duration("timeout", allowZero: false) ?? DefaultTimeout;
        if (timeout > TimeSpan.FromMinutes(1))
            node.Problem("timeout", $"'{node.String("timeout")}' is too long; allowed: up to 1m (it is per try, and there are \"retries\" more)");
        var retries = node.Int("retries", 0, 10) ?? DefaultRetries;
        var maxSeries = node.Int("maxSeries", 1, 100_000) ?? DefaultMaxSeries;

        UsmCredentials? usm = null;
        if (version == SnmpVersion.V3)
            usm = ReadUsm(node);
        else
        {
            foreach (var key in V3Keys.Where(node.Has))
                node.Problem(key, $"is an SNMPv3 setting, but \"version\" is {versionText}; set \"version\": \"3\" or remove it");
        }

        if (node.Problems.All.Count > before || id is null || host is null)
            return null;
        return new SnmpDeviceOptions(id, host.Value.Host, host.Value.Port, version, interval)
        {
            Community = community ?? DefaultCommunity,
            Profile = profile,
            Timeout = timeout,
            Retries = retries,
            Usm = usm,
            MaxSeries = maxSeries,
            ConfigPath = node.Path,
        };
    }

    /// <summary>An SNMPv3 user: <c>user</c>, <c>level</c> (implied by the keys given when absent), protocols and passphrases; also read by <see cref="SnmpTrapReader"/>.</summary>
    internal static UsmCredentials? ReadUsm(ConfigNode node)
    {
        var user = node.String("user", required: true);
        if (user is { Length: 0 or > 32 })
            node.Problem("user", "must have 1 to 32 characters (RFC 3414 §2.4)");
        var authKey = node.String("authKey", secret: true);
        var privKey = node.String("privKey", secret: true);
        // Without "level", the keys given say it: both → authPriv, auth only → authNoPriv, none → noAuthNoPriv.
        var level = Named(node, "level", UsmNames.Levels, UsmNames.Level)
            ?? (node.Has("level") ? SecurityLevel.NoAuthNoPriv : privKey is not null ? SecurityLevel.AuthPriv : authKey is not null ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv);
        var levelText = UsmNames.Levels[(int)level];
        var auth = Named(node, "authProtocol", UsmNames.AuthProtocols, UsmNames.Auth) ?? AuthProtocol.None;
        var priv = Named(node, "privProtocol", UsmNames.PrivProtocols, UsmNames.Priv) ?? PrivProtocol.None;

        if (level != SecurityLevel.NoAuthNoPriv)
        {
            if (!node.Has("authProtocol"))
                node.Problem("authProtocol", $"is required at level {levelText}; allowed: {string.Join(", ", UsmNames.AuthProtocols)}");
            if (!node.Has("authKey"))
                node.Problem("authKey", $"is required at level {levelText}");
            else if (authKey is not null && authKey.Length < UsmCredentials.MinimumPassphraseLength)
                node.Problem("authKey", $"is too short; it must have at least {UsmCredentials.MinimumPassphraseLength} characters (RFC 3414 §11.2)");
        }
        if (level == SecurityLevel.AuthPriv)
        {
            if (!node.Has("privProtocol"))
                node.Problem("privProtocol", $"is required at level authPriv; allowed: {string.Join(", ", UsmNames.PrivProtocols)}");
            if (!node.Has("privKey"))
                node.Problem("privKey", "is required at level authPriv");
            else if (privKey is not null && privKey.Length < UsmCredentials.MinimumPassphraseLength)
                node.Problem("privKey", $"is too short; it must have at least {UsmCredentials.MinimumPassphraseLength} characters (RFC 3414 §11.2)");
        }
        else if (privKey is not null || node.Has("privProtocol"))
            node.Problem(node.Has("privKey") ? "privKey" : "privProtocol", $"privacy settings need \"level\": \"authPriv\" (the level here is {levelText})");
        if (level == SecurityLevel.NoAuthNoPriv && (authKey is not null || node.Has("authProtocol")))
            node.Problem(node.Has("authKey") ? "authKey" : "authProtocol", "authentication settings need \"level\": \"authNoPriv\" or \"authPriv\"");

        var context = node.String("context");
        return user is null ? null : new UsmCredentials(user, level, auth, authKey, priv, privKey, context);
    }

    /// <summary>A name read by <see cref="UsmNames"/>, the parser <c>edge snmp</c>'s options use too.</summary>
    private static T? Named<T>(ConfigNode node, string key, IReadOnlyList<string> allowed, Func<string, T?> parse) where T : struct
    {
        var text = node.String(key);
        if (text is null)
            return null;
        if (parse(text) is { } value)
            return value;
        node.Problem(key, $"'{text}' is not allowed; allowed: {string.Join(", ", allowed)}");
        return null;
    }

    /// <summary>
    /// <c>host</c>, <c>host:port</c>, an IPv4 address, a bare IPv6 address, or <c>[IPv6]:port</c>. DNS names are
    /// resolved at each poll (an address that moves is followed), so only their syntax is checked here.
    /// </summary>
    public static (string Host, int Port)? ParseHost(string text, out string? problem)
    {
        problem = null;
        string host;
        var port = DefaultPort;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || (close != text.Length - 1 && text[close + 1] != ':'))
            {
                problem = $"'{text}' is not allowed; allowed: host, host:port, IPv4, IPv6 or [IPv6]:port";
                return null;
            }
            host = text[1..close];
            if (close != text.Length - 1)
                portText = text[(close + 2)..];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                problem = $"'{host}' in brackets is not an IPv6 address";
                return null;
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            host = text; // a bare IPv6 address: no port can follow it unambiguously
            if (!IPAddress.TryParse(host, out _))
            {
                problem = $"'{text}' is not an IPv6 address; write [IPv6]:port to give a port";
                return null;
            }
        }
        else
        {
            var colon = text.IndexOf(':');
            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
            if (!IPAddress.TryParse(host, out _) && !HostNamePattern().IsMatch(host))
            {
                problem = $"'{host}' is neither an IP address nor a DNS name";
                return null;
            }
        }
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"port '{portText}' is not allowed; allowed: 1 to 65535";
            return null;
        }
        return (host, port);
    }
}
