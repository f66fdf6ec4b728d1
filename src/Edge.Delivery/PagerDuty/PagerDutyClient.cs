using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Edge.Delivery.PagerDuty;

/// <summary>
/// One POST to the connector and what its answer means. The timeout runs on the injected clock. Nothing here
/// repeats the request body (it carries the routing key) in an error.
/// Only PagerDuty's own acceptance counts as delivered: its documented success is 202 with
/// <c>{"status":"success","message":"Event processed","dedup_key":…}</c>, and its own clients accept nothing else
/// (go-pagerduty's event_v2.go fails any status but 202; pdpyras' EventsAPISession.send_event fails a body that is
/// not an object with a <c>dedup_key</c>). A relay answering 200/201 counts only with a JSON body whose status is
/// "success"; any body that names a dedup key must name the one sent.
/// </summary>
public sealed class PagerDutyClient(HttpClient http, Uri endpoint, TimeProvider time, TimeSpan timeout)
{
    private const int MaxResponseBytes = 64 * 1024;

    public Uri Endpoint => endpoint;

    public static string UserAgent(string version) => $"Edge/{version} (+PagerDuty Events API v2)";

    public async Task<DeliveryOutcome> SendAsync(byte[] body, string dedupKey, CancellationToken cancellationToken)
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
                return Acceptance(status, response.Content.Headers.ContentType?.MediaType, text, dedupKey);
            var retryAfter = RetryAfter(response.Headers.RetryAfter);
            switch (response.StatusCode)
            {
                case HttpStatusCode.BadRequest:
                    var rejection = RejectionText(text);
                    return new DeliveryOutcome(IsAboutRoutingKey(text) ? DeliveryResult.KeyRejected : DeliveryResult.Rejected, rejection);
                case HttpStatusCode.RequestEntityTooLarge:
                    return new DeliveryOutcome(DeliveryResult.Rejected, $"413 {response.ReasonPhrase}: the request is too large for the connector ({body.Length} bytes)");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                    // PagerDuty's Events API takes no authentication and serves only POST /v2/enqueue: these come from a
                    // relay's path or credentials, the same for every event of the route.
                    return new DeliveryOutcome(DeliveryResult.RouteRefused, $"HTTP {status} {response.ReasonPhrase} from {PagerDutyHttp.Describe(endpoint)}");
                case HttpStatusCode.TooManyRequests:
                    return new DeliveryOutcome(DeliveryResult.Throttled, "throttled (429)", retryAfter);
            }
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

    /// <summary>202 is PagerDuty's acceptance; a relay's 200/201 is only with its JSON success. Either way no other dedup key.</summary>
    internal static DeliveryOutcome Acceptance(int status, string? mediaType, string body, string dedupKey)
    {
        var answer = ParseResponse(body);
        if (answer?.DedupKey is { } echoed && echoed != dedupKey)
            return new DeliveryOutcome(DeliveryResult.RelayFault, $"relay fault: HTTP {status} names dedup key '{Printable(echoed)}', not the one sent");
        if (answer?.Status is { } said && said != "success")
            return new DeliveryOutcome(DeliveryResult.RelayFault, $"relay fault: HTTP {status} with status '{Printable(said)}'");
        if (status == 202 || (status is 200 or 201 && answer?.Status == "success"))
            return DeliveryOutcome.Delivered;
        var what = answer is null ? $"a {mediaType ?? "body of no type"} body, not PagerDuty's JSON" : "a JSON body without status \"success\"";
        return new DeliveryOutcome(DeliveryResult.RelayFault, $"relay fault: HTTP {status} with {what}; not PagerDuty's acceptance (202)");
    }

    /// <summary>
    /// A 400 about the routing key (PagerDuty's texts include "Invalid routing key", "Length of 'routing_key' is incorrect
    /// (should be 32 characters)", "'routing_key' cannot contain non-alphanumeric characters."): every event of the route
    /// would get it. Read from the errors (else the message) of a JSON answer; a relay's plain-text page is not read
    /// for it.
    /// </summary>
    internal static bool IsAboutRoutingKey(string body)
    {
        var answer = ParseResponse(body);
        IEnumerable<string> texts = answer?.Errors is { Count: > 0 } errors ? errors : answer?.Message is { } message ? [message] : [];
        return texts.Any(t => t.Contains("routing_key", StringComparison.OrdinalIgnoreCase) || t.Contains("routing key", StringComparison.OrdinalIgnoreCase));
    }

    private static PagerDutyResponse? ParseResponse(string body)
    {
        try
        {
            return body.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize(body, DeliveryJsonContext.Default.PagerDutyResponse) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Printable(string text) => text.Length > 80 ? text[..80] : text;

    /// <summary>
    /// PagerDuty's own words for why the event is invalid: its <c>errors</c>, else its message, else the body, whole:
    /// the forwarder takes the routing key out before it shortens the text, so no piece of a key survives a cut.
    /// </summary>
    internal static string RejectionText(string body)
    {
        var answer = ParseResponse(body);
        if (answer?.Errors is { Count: > 0 } errors)
            return "400 invalid event: " + string.Join("; ", errors);
        if (answer?.Message is { } message)
            return "400 " + message;
        return "400 " + body;
    }
}
