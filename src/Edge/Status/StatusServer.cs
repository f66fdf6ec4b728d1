using System.Net;
using System.Text;
using System.Text.Json;
using Edge.Daemon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Status;

/// <summary>
/// Serves <c>/status</c> (JSON) and <c>/metrics</c> (Prometheus text) on a loopback address by default. It only reads
/// immutable snapshots, so a slow or stuck client can never block the pipeline. Its address is fixed at start.
/// </summary>
public sealed class StatusServer(ConfigState config, StatusReport report, ILogger<StatusServer> logger) : BackgroundService
{
    private HttpListener? _listener;

    // Listening before the host reports "started", so `edge status` right after start finds the endpoint
    // (.NET 10 runs ExecuteAsync on the thread pool).
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var listen = config.Current.StatusListen;
        if (listen is not null)
        {
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://{listen}/");
            try
            {
                listener.Start();
                _listener = listener;
            }
            catch (HttpListenerException e)
            {
                listener.Close();
                Log.StatusListenFailed(logger, listen, e.Message);
            }
        }
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _listener?.Close();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is not { } listener)
            return;
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            _ = Task.Run(() => Answer(context), stoppingToken);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var (type, body) = context.Request.Url?.AbsolutePath switch
            {
                "/status" => ("application/json", JsonSerializer.SerializeToUtf8Bytes(report.Build(), StatusJsonContext.Default.StatusDocument)),
                "/metrics" => ("text/plain; version=0.0.4", Encoding.UTF8.GetBytes(report.Metrics())),
                _ => ((string?)null, Encoding.UTF8.GetBytes("not found: try /status or /metrics\n")),
            };
            response.StatusCode = type is null ? 404 : 200;
            response.ContentType = type ?? "text/plain";
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to do.
        }
    }
}
