using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Edge.Core.Rules;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Commands;

/// <summary>
/// The SNMP options of interfaces.md, shared by <c>edge snmp walk</c> and <c>edge snmp read</c>, and how they become an
/// <see cref="SnmpTarget"/>. Problems are returned as one line for stderr (exit 2), never echoing a secret.
/// </summary>
internal static class SnmpOptions
{
    public static readonly Option<string> Version = new("--version") { Description = "SNMP version: 1, 2c or 3", DefaultValueFactory = _ => "2c" };
    public static readonly Option<string> Community = new("--community") { Description = "v1/v2c community", DefaultValueFactory = _ => "public" };
    public static readonly Option<string> Timeout = new("--timeout") { Description = "time to wait for each answer (e.g. 2s, 500ms)", DefaultValueFactory = _ => "2s" };
    public static readonly Option<int> Retries = new("--retries") { Description = "resends after a timeout", DefaultValueFactory = _ => 2 };
    public static readonly Option<string?> User = new("--user") { Description = "v3 user" };
    public static readonly Option<string?> Level = new("--level") { Description = "v3 security level: noAuthNoPriv, authNoPriv or authPriv (default: from the keys given)" };
    public static readonly Option<string?> AuthProtocolOption = new("--auth-protocol") { Description = "md5, sha, sha224, sha256, sha384 or sha512" };
    public static readonly Option<string?> AuthKey = new("--auth-key") { Description = "v3 authentication passphrase" };
    public static readonly Option<string?> PrivProtocolOption = new("--priv-protocol") { Description = "des or aes128" };
    public static readonly Option<string?> PrivKey = new("--priv-key") { Description = "v3 privacy passphrase" };
    public static readonly Option<string?> Context = new("--context") { Description = "v3 context name" };

    public static void AddTo(Command command)
    {
        foreach (var option in new Option[] { Version, Community, Timeout, Retries, User, Level, AuthProtocolOption, AuthKey, PrivProtocolOption, PrivKey, Context })
            command.Options.Add(option);
    }

    public static SnmpTarget? TryCreateTarget(ParseResult parse, string host, out string? problem)
    {
        problem = null;
        if (!TryParseEndPoint(host, out var endPoint, out problem))
            return null;
        if (!Durations.TryParse(parse.GetValue(Timeout), out var timeout) || timeout <= TimeSpan.Zero)
        {
            problem = $"--timeout '{parse.GetValue(Timeout)}' is not a duration; allowed: {Durations.Allowed}";
            return null;
        }
        var retries = parse.GetValue(Retries);
        if (retries is < 0 or > 10)
        {
            problem = "--retries must be between 0 and 10";
            return null;
        }
        var version = parse.GetValue(Version)?.ToLowerInvariant() switch
        {
            "1" or "v1" => SnmpVersion.V1,
            "2c" or "v2c" or "2" => SnmpVersion.V2c,
            "3" or "v3" => (SnmpVersion?)SnmpVersion.V3,
            _ => null,
        };
        if (version is null)
        {
            problem = $"--version '{parse.GetValue(Version)}' is not one of 1, 2c, 3";
            return null;
        }
        UsmCredentials? usm = null;
        if (version == SnmpVersion.V3 && (usm = TryCreateUsm(parse, out problem)) is null)
            return null;
        return new SnmpTarget(endPoint!, version.Value, parse.GetValue(Community) ?? "public", usm, timeout, retries);
    }

    private static UsmCredentials? TryCreateUsm(ParseResult parse, out string? problem)
    {
        problem = null;
        var user = parse.GetValue(User);
        if (string.IsNullOrEmpty(user))
        {
            problem = "--version 3 needs --user";
            return null;
        }
        var authKey = parse.GetValue(AuthKey);
        var privKey = parse.GetValue(PrivKey);
        var levelText = parse.GetValue(Level);
        var level = levelText is null
            ? privKey is not null ? SecurityLevel.AuthPriv : authKey is not null ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv
            : UsmNames.Level(levelText);
        if (level is null)
        {
            problem = $"--level '{levelText}' is not one of {string.Join(", ", UsmNames.Levels)}";
            return null;
        }
        var authText = parse.GetValue(AuthProtocolOption);
        var auth = authText is null ? level == SecurityLevel.NoAuthNoPriv ? AuthProtocol.None : AuthProtocol.Sha1 : UsmNames.Auth(authText);
        if (auth is null)
        {
            problem = $"--auth-protocol '{authText}' is not one of {string.Join(", ", UsmNames.AuthProtocols)}";
            return null;
        }
        var privText = parse.GetValue(PrivProtocolOption);
        var priv = privText is null ? level == SecurityLevel.AuthPriv ? PrivProtocol.Aes128 : PrivProtocol.None : UsmNames.Priv(privText);
        if (priv is null)
        {
            problem = $"--priv-protocol '{privText}' is not one of {string.Join(", ", UsmNames.PrivProtocols)}";
            return null;
        }
        var usm = new UsmCredentials(user, level.Value, auth.Value, authKey, priv.Value, privKey, parse.GetValue(Context));
        problem = usm.Problem();
        return problem is null ? usm : null;
    }

    /// <summary>HOST, HOST:PORT, [V6]:PORT or a bare IPv6 address; the port defaults to 161.</summary>
    public static bool TryParseEndPoint(string text, out IPEndPoint? endPoint, out string? problem)
    {
        endPoint = null;
        problem = null;
        var host = text;
        var port = 161;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = $"'{text}' is not HOST[:PORT]";
                return false;
            }
            host = text[1..close];
            if (close + 1 < text.Length && (text[close + 1] != ':' || !int.TryParse(text[(close + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out port)))
            {
                problem = $"'{text}' is not [ADDRESS]:PORT";
                return false;
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
            {
                problem = $"'{text}' has no valid port";
                return false;
            }
        }
        if (port is < 1 or > 65535)
        {
            problem = $"port {port} is out of range";
            return false;
        }
        if (!IPAddress.TryParse(host, out var address))
        {
            try
            {
                var addresses = Dns.GetHostAddresses(host);
                address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            }
            catch (SocketException e)
            {
                problem = $"cannot resolve '{host}': {e.SocketErrorCode}";
                return false;
            }
            if (address is null)
            {
                problem = $"'{host}' has no address";
                return false;
            }
        }
        endPoint = new IPEndPoint(address, port);
        return true;
    }
}
