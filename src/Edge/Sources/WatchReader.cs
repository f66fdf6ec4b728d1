using System.Net;
using System.Text.RegularExpressions;
using Edge.Core.Configuration;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>Reads <c>heartbeat</c> and <c>peers</c>. A heartbeat URL usually carries a secret token: it is never echoed.</summary>
public static partial class WatchReader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();

    public static HeartbeatOptions? ReadHeartbeat(ConfigNode root)
    {
        if (!root.Has("heartbeat"))
            return null;
        var node = root.Child("heartbeat");
        node.OnlyKeys("url", "interval");
        var url = node.String("url", required: true, secret: true);
        var interval = node.Duration("interval", allowZero: false) ?? TimeSpan.FromMinutes(1);
        if (url is null)
            return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == "https" || (uri.Scheme == "http" && IsLoopback(uri))))
        {
            node.Problem("url", "must be an https URL (plain http only to a loopback address); the value is not repeated here, it may hold a token");
            return null;
        }
        return new HeartbeatOptions(uri, interval);
    }

    public static List<PeerOptions> ReadPeers(ConfigNode root)
    {
        var peers = new List<PeerOptions>();
        foreach (var node in root.Items("peers"))
        {
            node.OnlyKeys("id", "url", "interval", "timeout");
            var id = node.String("id", required: true);
            if (id is not null && !IdPattern().IsMatch(id))
                node.Problem("id", $"'{id}' is not allowed; allowed: 1 to 64 characters of a-z, 0-9, '_', '.' and '-'");
            var url = node.String("url", required: true);
            Uri? uri = null;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
                node.Problem("url", $"'{url}' is not allowed; allowed: the peer's status endpoint, e.g. \"http://10.1.2.13:9464\"");
            var interval = node.Duration("interval", allowZero: false) ?? TimeSpan.FromSeconds(30);
            var timeout = node.Duration("timeout", allowZero: false) ?? TimeSpan.FromSeconds(5);
            if (id is not null && uri is not null)
                peers.Add(new PeerOptions(id, uri, interval, timeout));
        }
        return peers;
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
