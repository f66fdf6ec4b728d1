using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>
/// Serves <c>/status</c> (JSON) and <c>/metrics</c> (Prometheus text) with Kestrel, on a loopback address by default.
/// Kestrel brings the timeouts and size limits an endpoint on the management LAN needs (<see cref="StatusLimits"/>);
/// this host runs it as one hosted service, so a port that cannot be bound costs the status endpoint only, never the
/// monitoring. Its address is fixed at start.
/// </summary>
public sealed class StatusServer(ConfigState config, StatusReport report, TimeProvider time, IServiceProvider services, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<StatusServer>();
    private KestrelServer? _server;

    // Listening before the host reports "started", so `edge status` right after start finds the endpoint.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (config.Current.StatusListen is not { } listen)
            return;
        var limit = new ClientConnectionLimit(StatusLimits.MaxConnectionsPerClient, time, _logger);
        var options = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
        var limits = options.Limits;
        limits.MaxConcurrentConnections = StatusLimits.MaxConnections;
        limits.RequestHeadersTimeout = StatusLimits.RequestHeadersTimeout;
        limits.KeepAliveTimeout = StatusLimits.KeepAliveTimeout;
        limits.MaxRequestLineSize = StatusLimits.MaxRequestLineBytes;
        limits.MaxRequestHeadersTotalSize = StatusLimits.MaxRequestHeadersBytes;
        limits.MaxRequestHeaderCount = StatusLimits.MaxRequestHeaderCount;
        limits.MaxRequestBodySize = StatusLimits.MaxRequestBodyBytes;
        limits.MaxRequestBufferSize = StatusLimits.MaxRequestBufferBytes;
        options.Listen(EndPoint(listen), endpoint =>
        {
            endpoint.Protocols = HttpProtocols.Http1;
            endpoint.Use(limit.Wrap);
        });
        var server = new KestrelServer(Options.Create(options), new StatusConnectionListenerFactory(time, loggers), loggers);
        try
        {
            await server.StartAsync(new StatusApplication(report), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever keeps the endpoint from starting (the port taken, no descriptor left) costs the endpoint only:
            // the host would otherwise stop the whole daemon, monitoring and paging with it.
            server.Dispose();
            Log.StatusListenFailed(_logger, listen, e.Message);
            return;
        }
        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
            await server.StopAsync(cancellationToken);
    }

    public void Dispose() => _server?.Dispose();

    /// <summary>"IP:port", or "*:port" for every address (IPv6 and IPv4 where the host has IPv6), as StatusReader wrote it.</summary>
    private static IPEndPoint EndPoint(string listen)
    {
        if (!listen.StartsWith("*:", StringComparison.Ordinal))
            return IPEndPoint.Parse(listen);
        var port = int.Parse(listen.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        return new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, port);
    }
}
