using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>
/// The status endpoint's requests, straight on Kestrel's features (no middleware pipeline, no routing): GET or HEAD of
/// <c>/status</c> or <c>/metrics</c>. Each answer is built from the daemon's immutable snapshots
/// (<see cref="StatusReport"/>) into one byte array and handed to Kestrel, which writes it as the client reads: a slow
/// client holds a buffer of its own, never a lock or a thread of the pipeline.
/// </summary>
internal sealed class StatusApplication(StatusReport report) : IHttpApplication<IFeatureCollection>
{
    private static readonly byte[] NotFound = Encoding.UTF8.GetBytes("not found: try /status or /metrics\n");
    private static readonly byte[] MethodNotAllowed = Encoding.UTF8.GetBytes("only GET and HEAD\n");
    private static readonly byte[] BodyNotAllowed = Encoding.UTF8.GetBytes("GET and HEAD take no request body\n");

    public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

    public async Task ProcessRequestAsync(IFeatureCollection context)
    {
        var request = context.GetRequiredFeature<IHttpRequestFeature>();
        var response = context.GetRequiredFeature<IHttpResponseFeature>();
        var (status, type, body) = Answer(request, context.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false);
        response.StatusCode = status;
        response.Headers.ContentType = type;
        response.Headers.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        if (status == StatusCodes.Status405MethodNotAllowed)
            response.Headers.Allow = "GET, HEAD";
        if (!HttpMethods.IsHead(request.Method))
            await context.GetRequiredFeature<IHttpResponseBodyFeature>().Writer.WriteAsync(body);
    }

    private (int Status, string Type, byte[] Body) Answer(IHttpRequestFeature request, bool hasBody)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return (StatusCodes.Status405MethodNotAllowed, "text/plain", MethodNotAllowed);
        if (hasBody)
            return (StatusCodes.Status413PayloadTooLarge, "text/plain", BodyNotAllowed);
        return request.Path switch
        {
            "/status" => (StatusCodes.Status200OK, "application/json", JsonSerializer.SerializeToUtf8Bytes(report.Build(), StatusJsonContext.Default.StatusDocument)),
            "/metrics" => (StatusCodes.Status200OK, "text/plain; version=0.0.4", Encoding.UTF8.GetBytes(report.Metrics())),
            _ => (StatusCodes.Status404NotFound, "text/plain", NotFound),
        };
    }

    public void DisposeContext(IFeatureCollection context, Exception? exception)
    {
    }
}
