using System.Globalization;
using System.Net;
using Edge.Core.Configuration;
using Edge.Core.Rules;

namespace Edge.Inventory.Configuration;

/// <summary>Reads and validates <c>device42</c>; null when the block is absent or has problems.</summary>
public static class Device42Reader
{
    private static readonly string[] Keys =
        ["url", "user", "passwordFile", "password", "interval", "timeout", "caFile", "pinnedSha256", "licenseExpiry", "pageSize", "maxPages", "maxEntities"];

    public static Device42Options? Read(ConfigNode root)
    {
        if (!root.Has("device42"))
            return null;
        var node = root.Child("device42");
        var before = node.Problems.All.Count;
        node.OnlyKeys(Keys);
        var url = Url(node);
        var user = node.String("user", required: true);
        if (user is { Length: 0 } || (user?.Contains(':', StringComparison.Ordinal) ?? false))
            node.Problem("user", "must be a non-empty user name without ':' (HTTP Basic authentication cannot carry one)");
        var passwordFile = node.String("passwordFile", required: true);
        if (node.Has("password"))
            node.Problem("password", "put the password in a file readable only by edge and name it in \"passwordFile\"");
        var interval = node.Duration("interval", allowZero: false) ?? Device42Options.DefaultInterval;
        var timeout = node.Duration("timeout", allowZero: false) ?? Device42Options.DefaultTimeout;
        if (interval < TimeSpan.FromSeconds(1))
            node.Problem("interval", $"'{Durations.Format(interval)}' is too short; allowed: 1s or more (15m is plenty for a CMDB)");
        if (timeout >= interval)
            node.Problem("timeout", $"'{Durations.Format(timeout)}' must be shorter than the interval ({Durations.Format(interval)})");
        var caFile = node.String("caFile");
        var pin = Pin(node);
        if (caFile is not null && node.Has("pinnedSha256"))
            node.Problem("pinnedSha256", "give \"caFile\" or \"pinnedSha256\", not both: they are two ways to trust the appliance's certificate");
        if ((caFile is not null || node.Has("pinnedSha256")) && url is { Scheme: "http" })
            node.Problem(caFile is not null ? "caFile" : "pinnedSha256", "applies to an https url only");
        DateOnly? expiry = null;
        if (node.String("licenseExpiry") is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                expiry = date;
            else
                node.Problem("licenseExpiry", $"'{text}' is not a date; allowed: YYYY-MM-DD, the day the Device42 licence ends");
        }
        var pageSize = node.Int("pageSize", 1, 1000) ?? Device42Options.DefaultPageSize;
        var maxPages = node.Int("maxPages", 1, 10_000) ?? Device42Options.DefaultMaxPages;
        var maxEntities = node.Int("maxEntities", 1, 100_000) ?? Device42Options.DefaultMaxEntities;

        if (node.Problems.All.Count > before || url is null || user is null || passwordFile is null)
            return null;
        return new Device42Options(url, user, passwordFile)
        {
            Interval = interval,
            Timeout = timeout,
            CaFile = caFile,
            PinnedSha256 = pin,
            LicenseExpiry = expiry,
            PageSize = pageSize,
            MaxPages = maxPages,
            MaxEntities = maxEntities,
        };
    }

    private static Uri? Url(ConfigNode node)
    {
        var text = node.String("url", required: true);
        if (text is null)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            node.Problem("url", $"'{text}' is not allowed; allowed: https://HOST[:PORT][/PATH] of the Device42 appliance");
            return null;
        }
        if (url.UserInfo.Length > 0)
        {
            // Never repeat the url here: its user info may hold the password.
            node.Problem("url", "must not carry a user or password; use \"user\" and \"passwordFile\"");
            return null;
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            node.Problem("url", $"'{text}' must not have a query or fragment");
            return null;
        }
        if (url.Scheme == "http" && !IsLoopback(url))
        {
            node.Problem("url", $"'{text}' is plain http to another host: the password would cross the network in clear; use https (with \"caFile\" or \"pinnedSha256\" for a self-signed certificate)");
            return null;
        }
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static byte[]? Pin(ConfigNode node)
    {
        var text = node.String("pinnedSha256");
        if (text is null)
            return null;
        var hex = text.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit))
            return Convert.FromHexString(hex);
        node.Problem("pinnedSha256", "is not a SHA-256 fingerprint; allowed: 64 hex digits, colons allowed (openssl x509 -noout -fingerprint -sha256 prints it)");
        return null;
    }
}
