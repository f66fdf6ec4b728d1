using System.Security.Cryptography;
using Edge.Delivery.Configuration;
using Microsoft.Extensions.Logging;

namespace Edge.Delivery.PagerDuty;

/// <summary>
/// The client for the connector the configuration in force names. A reload that changes the endpoint (region or
/// relay), the proxy, the CA bundle or the timeout takes effect at the next send, as a corrected routing key does: the
/// forwarder sends one request at a time, so the old client is let go between requests and none is cut off. A CA
/// bundle edited in place (a proxy's CA rotated) counts as changed when a reload finds its file changed. A client that
/// cannot be built on a reload (a CA bundle that is not PEM) leaves the working one in use, said once.
/// </summary>
public sealed class PagerDutyConnection(string version, TimeProvider time, ILogger logger) : IDisposable
{
    private HttpClient? _http;
    private PagerDutyClient? _client;
    private Settings _settings;
    private Settings? _failed;
    private DeliveryOptions? _seen;

    private readonly record struct Settings(Uri Endpoint, Uri? Proxy, string? CaBundle, DateTime BundleWritten, long BundleLength, TimeSpan Timeout);

    public PagerDutyClient For(DeliveryOptions options)
    {
        // The configuration in force is replaced only by a reload: its settings and the bundle's file are looked at then.
        if (_client is not null && ReferenceEquals(options, _seen))
            return _client;
        _seen = options;
        var wanted = SettingsOf(options);
        if (_client is not null && (wanted == _settings || wanted == _failed))
            return _client;
        HttpClient http;
        try
        {
            http = PagerDutyHttp.CreateClient(options, version);
        }
        catch (Exception e) when (_client is not null && e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            _failed = wanted;
            DeliveryLog.ConnectorKept(logger, PagerDutyHttp.Describe(_client.Endpoint), e.Message);
            return _client;
        }
        if (_client is not null)
            DeliveryLog.ConnectorChanged(logger, PagerDutyHttp.Describe(options.Endpoint));
        _http?.Dispose();
        _http = http;
        _client = new PagerDutyClient(http, options.Endpoint, time, options.RequestTimeout);
        _settings = wanted;
        _failed = null;
        return _client;
    }

    private static Settings SettingsOf(DeliveryOptions options)
    {
        var bundle = options.CaBundle is null ? null : new FileInfo(options.CaBundle);
        return bundle is { Exists: true }
            ? new(options.Endpoint, options.Proxy, options.CaBundle, bundle.LastWriteTimeUtc, bundle.Length, options.RequestTimeout)
            : new(options.Endpoint, options.Proxy, options.CaBundle, default, -1, options.RequestTimeout);
    }

    public void Dispose() => _http?.Dispose();
}
