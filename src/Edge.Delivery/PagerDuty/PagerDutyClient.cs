using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Edge.Delivery.PagerDuty;

/// <summary>
/// One POST to the connector and what its answer means. The timeout runs on the injected clock. Nothing here
/// repeats the request body (it carries the routing key) in an error.
/// </summary>
public sealed class PagerDutyClient(HttpClient http, Uri endpoint, TimeProvider time, TimeSpan timeout)
{
    private const int MaxResponseBytes = 64 * 1024;

    public Uri Endpoint => endpoint;

    public static string UserAgent(string version) => $"Edge/{version} (+PagerDuty Events API v2)";

    public async Task<DeliveryOutcome> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var text = await ReadBoundedAsync(response, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return DeliveryOutcome.Delivered;
            if (response.StatusCode == HttpStatusCode.BadRequest)
                return new DeliveryOutcome(DeliveryResult.Rejected, RejectionText(text));
            var retryAfter = RetryAfter(response.Headers.RetryAfter);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return new DeliveryOutcome(DeliveryResult.Throttled, "throttled (429)", retryAfter);
            return new DeliveryOutcome(DeliveryResult.Transient, $"HTTP {status} {response.ReasonPhrase}", retryAfter);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(DeliveryResult.Transient, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome(DeliveryResult.Transient, $"connection failed: {e.HttpRequestError}: {e.InnerException?.Message ?? e.Message}");
        }
        catch (IOException e)
        {
            return new DeliveryOutcome(DeliveryResult.Transient, $"connection failed: {e.Message}");
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxResponseBytes];
        var total = 0;
        int n;
        while (total < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            total += n;
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>
    /// PagerDuty's own words for why the event is invalid: its <c>errors</c>, else its message, else the body, whole:
    /// the forwarder takes the routing key out before it shortens the text, so no piece of a key survives a cut.
    /// </summary>
    internal static string RejectionText(string body)
    {
        try
        {
            var answer = JsonSerializer.Deserialize(body, DeliveryJsonContext.Default.PagerDutyResponse);
            if (answer?.Errors is { Count: > 0 } errors)
                return "400 invalid event: " + string.Join("; ", errors);
            if (answer?.Message is { } message)
                return "400 " + message;
        }
        catch (JsonException)
        {
        }
        return "400 " + body;
    }
}
