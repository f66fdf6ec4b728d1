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
        SecurityLevel level;
        switch (parse.GetValue(Level)?.ToLowerInvariant())
        {
            case null: level = privKey is not null ? SecurityLevel.AuthPriv : authKey is not null ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv; break;
            case "noauthnopriv": level = SecurityLevel.NoAuthNoPriv; break;
            case "authnopriv": level = SecurityLevel.AuthNoPriv; break;
            case "authpriv": level = SecurityLevel.AuthPriv; break;
            default:
                problem = $"--level '{parse.GetValue(Level)}' is not one of noAuthNoPriv, authNoPriv, authPriv";
                return null;
        }
        var auth = parse.GetValue(AuthProtocolOption)?.ToLowerInvariant() switch
        {
            null => level == SecurityLevel.NoAuthNoPriv ? AuthProtocol.None : AuthProtocol.Sha1,
            "md5" => AuthProtocol.Md5,
            "sha" or "sha1" => AuthProtocol.Sha1,
            "sha224" or "sha-224" => AuthProtocol.Sha224,
            "sha256" or "sha-256" => AuthProtocol.Sha256,
            "sha384" or "sha-384" => AuthProtocol.Sha384,
            "sha512" or "sha-512" => AuthProtocol.Sha512,
            _ => (AuthProtocol?)null,
        };
        if (auth is null)
        {
            problem = $"--auth-protocol '{parse.GetValue(AuthProtocolOption)}' is not one of md5, sha, sha224, sha256, sha384, sha512";
            return null;
        }
        var priv = parse.GetValue(PrivProtocolOption)?.ToLowerInvariant() switch
        {
            null => level == SecurityLevel.AuthPriv ? PrivProtocol.Aes128 : PrivProtocol.None,
            "des" => PrivProtocol.Des,
            "aes" or "aes128" => PrivProtocol.Aes128,
            _ => (PrivProtocol?)null,
        };
        if (priv is null)
        {
            problem = $"--priv-protocol '{parse.GetValue(PrivProtocolOption)}' is not one of des, aes128";
            return null;
        }
        var usm = new UsmCredentials(user, level, auth.Value, authKey, priv.Value, privKey, parse.GetValue(Context));
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
