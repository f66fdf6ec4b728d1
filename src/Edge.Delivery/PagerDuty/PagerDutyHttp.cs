using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Edge.Delivery.Configuration;

namespace Edge.Delivery.PagerDuty;

/// <summary>
/// The HTTP stack to the connector: a proxy when configured (else .NET's HTTPS_PROXY / ALL_PROXY / NO_PROXY from the
/// environment), certificate verification always on, and an optional extra CA bundle for intercepting proxies, the
/// thing pdagent's users kept asking for.
/// </summary>
public static class PagerDutyHttp
{
    public static HttpClient CreateClient(DeliveryOptions options, string version)
    {
        var handler = new SocketsHttpHandler
        {
            // A fresh connection now and then follows DNS changes of PagerDuty's endpoints.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.RequestTimeout,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (options.Endpoint.IsLoopback)
        {
            // The emulator or a relay on this machine: never through a proxy.
            handler.UseProxy = false;
        }
        else if (options.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }
        if (options.CaBundle is { } bundle)
        {
            var extra = new X509Certificate2Collection();
            extra.ImportFromPemFile(bundle);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Trusted(certificate, errors, extra);
        }
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PagerDutyClient.UserAgent(version));
        return client;
    }

    /// <summary>
    /// The connector as logs, errors and <c>edge status</c> show it: scheme, host, port and path. A relay URL's user
    /// information (user:password@) and query may hold credentials, and are never shown.
    /// </summary>
    public static string Describe(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>Trusted by the system store, or chains to one of the extra CAs; a wrong host name is never accepted.</summary>
    internal static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection extra)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0 || certificate is null)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(extra);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
