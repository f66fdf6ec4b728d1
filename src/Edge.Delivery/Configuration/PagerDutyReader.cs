using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Core.Configuration;
using Edge.Core.Rules;

namespace Edge.Delivery.Configuration;

/// <summary>
/// Reads and validates <c>pagerduty</c>. Keys come from <c>routingKey</c>, <c>routingKeyFile</c>, or the systemd
/// credential <c>routing-key</c> ($CREDENTIALS_DIRECTORY, systemd.exec(5) LoadCredential=); no message ever repeats a key.
/// </summary>
public static class PagerDutyReader
{
    public const string CredentialName = "routing-key";

    private static readonly string[] Keys =
        ["connector", "routingKey", "routingKeyFile", "routes", "proxy", "caBundle", "retention", "maxEvents", "timeout", "clock", "clockSyncGrace"];

    private static readonly string[] ClockModes = ["auto", "assume-synchronized"];

    /// <param name="credentialsDirectory">$CREDENTIALS_DIRECTORY, or null when systemd passed none.</param>
    public static DeliveryOptions Read(ConfigNode root, IReadOnlyList<RuleDefinition> rules, string? credentialsDirectory)
    {
        var node = root.Child("pagerduty");
        var warnings = new List<ConfigProblem>();
        node.OnlyKeys(Keys);
        var endpoint = Endpoint(node);
        var key = Key(node, warnings);
        // The package installs an empty routing.key until the operator fills it: an empty credential is "no key yet".
        if (key is null && credentialsDirectory is not null && HasContent(Path.Combine(credentialsDirectory, CredentialName)))
            key = FromFile(node, "routingKey", Path.Combine(credentialsDirectory, CredentialName), $"systemd credential {CredentialName}", warnings, checkMode: false);

        var routes = new Dictionary<string, RoutingKey>(StringComparer.Ordinal);
        var routesNode = node.Child("routes");
        foreach (var name in routesNode.Keys())
        {
            var route = routesNode.Child(name);
            route.OnlyKeys("routingKey", "routingKeyFile");
            if (Key(route, warnings) is { } routeKey)
                routes[name] = routeKey;
            else if (!route.Has("routingKey") && !route.Has("routingKeyFile"))
                route.Problem("needs routingKey or routingKeyFile");
        }
        foreach (var rule in rules)
        {
            if (rule.Route is { } r && !routes.ContainsKey(r) && !routesNode.Has(r))
                routesNode.Problem($"rule '{rule.Id}' sends to route '{r}', which is not configured here; add \"routes\": {{ \"{r}\": {{ \"routingKeyFile\": ... }} }}");
        }
        if (key is null && !node.Has("routingKey") && !node.Has("routingKeyFile"))
            warnings.Add(new ConfigProblem(node.Path, "no routing key (routingKey, routingKeyFile or the systemd credential routing-key): events are kept in the outbox and not sent"));

        Uri? proxy = null;
        if (node.String("proxy") is { } proxyText)
        {
            if (Uri.TryCreate(proxyText, UriKind.Absolute, out var p) && p.Scheme is "http" or "https")
                proxy = p;
            else
                node.Problem("proxy", "is not allowed; allowed: an http:// or https:// URL of the proxy");
        }
        // An upgrade must never turn a working configuration into a rejected one: the old setting is accepted, said to be
        // obsolete, and has no effect.
        if (node.Has("clockSyncGrace"))
            warnings.Add(new ConfigProblem($"{node.Path}.clockSyncGrace", "is obsolete and ignored: no event waits for the clock any more (a wait delayed every page by it on hosts whose kernel never reports the clock synchronized); each is sent at once and its timestamp decided when it is sent; remove the setting"));
        var caBundle = node.String("caBundle");
        if (caBundle is not null && BundleProblem(caBundle) is { } bundleProblem)
            node.Problem("caBundle", $"{bundleProblem}; allowed: a PEM file of CA certificates");

        return new DeliveryOptions
        {
            Endpoint = endpoint ?? DeliveryOptions.UsEndpoint,
            RoutingKey = key,
            Routes = routes,
            Proxy = proxy,
            CaBundle = caBundle,
            Retention = node.Duration("retention", allowZero: false) ?? DeliveryOptions.Default.Retention,
            MaxEvents = node.Int("maxEvents", 100, 10_000_000) ?? DeliveryOptions.Default.MaxEvents,
            RequestTimeout = node.Duration("timeout", allowZero: false) ?? DeliveryOptions.Default.RequestTimeout,
            CheckClockSync = (node.OneOf("clock", ClockModes) ?? "auto") == "auto",
            Warnings = warnings,
        };
    }

    /// <summary>us, eu, or a relay URL: https anywhere, plain http only to this machine (the key travels in the body).</summary>
    public static Uri? Endpoint(ConfigNode node)
    {
        var text = node.String("connector") ?? "us";
        switch (text)
        {
            case "us":
                return DeliveryOptions.UsEndpoint;
            case "eu":
                return DeliveryOptions.EuEndpoint;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            node.Problem("connector", $"'{text}' is not allowed; allowed: us, eu, or an https:// URL of a relay speaking Events API v2");
            return null;
        }
        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            node.Problem("connector", $"'{text}' uses plain http to another machine; allowed: https, or http only to a loopback address (127.0.0.1, ::1, localhost)");
            return null;
        }
        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool HasContent(string file)
    {
        try
        {
            return File.Exists(file) && File.ReadAllText(file).Trim().Length > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // let FromFile report why it cannot be read
        }
    }

    private static RoutingKey? Key(ConfigNode node, List<ConfigProblem> warnings)
    {
        var literal = node.String("routingKey", secret: true);
        var file = node.String("routingKeyFile");
        if (literal is not null && file is not null)
        {
            node.Problem("routingKeyFile", "give either routingKey or routingKeyFile, not both");
            return null;
        }
        if (literal is not null)
            return Checked(node, "routingKey", literal.Trim(), $"{node.Path}.routingKey");
        return file is null ? null : FromFile(node, "routingKeyFile", file, $"routingKeyFile {file}", warnings, checkMode: true);
    }

    private static RoutingKey? FromFile(ConfigNode node, string key, string file, string origin, List<ConfigProblem> warnings, bool checkMode)
    {
        string text;
        try
        {
            text = File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            node.Problem(key, $"cannot read '{file}': {e.GetType().Name}");
            return null;
        }
        if (checkMode && !OperatingSystem.IsWindows())
        {
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if ((File.GetUnixFileMode(file) & others) != 0)
                warnings.Add(new ConfigProblem($"{node.Path}.{key}", $"'{file}' can be read by group or others; a routing key lets anyone page your on-call: chmod 600 it (or 640 root:edge)"));
        }
        return Checked(node, key, text, origin);
    }

    private static RoutingKey? Checked(ConfigNode node, string key, string value, string origin)
    {
        if (value.Length == RoutingKey.Length && value.All(char.IsAsciiLetterOrDigit))
            return new RoutingKey(value, origin);
        // The length and the alphabet are safe to tell; the key itself never is.
        node.Problem(key, $"is not a PagerDuty routing key; allowed: {RoutingKey.Length} letters and digits (this one has {value.Length} characters)");
        return null;
    }

    /// <summary>
    /// Read as the connector will read it, so a bundle it cannot use is an invalid edit (the last good configuration
    /// keeps running) rather than a daemon that cannot start its forwarder.
    /// </summary>
    private static string? BundleProblem(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // ArgumentException: a path the file API refuses outright (empty, or holding a NUL).
            return $"cannot read '{path}' ({e.Message})";
        }
        catch (CryptographicException)
        {
            return $"'{path}' holds a malformed PEM certificate";
        }
        var count = certificates.Count;
        foreach (var certificate in certificates)
            certificate.Dispose();
        return count == 0 ? $"'{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)" : null;
    }
}
