using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Inventory.Configuration;
using Edge.Inventory.Security;

namespace Edge.Inventory.Client;

/// <summary>
/// Reads Device42's REST API: GET with HTTP Basic authentication, listings paged with <c>limit</c>/<c>offset</c> and
/// bounded by maxPages, counts read from a filtered listing's <c>total_count</c>, each request bounded by the timeout (on the injected clock). Every failure is a
/// <see cref="Device42Exception"/>; nothing it throws carries the password.
/// </summary>
public sealed class Device42Client : IDisposable
{
    /// <summary>An answer larger than this is refused: a page of 1000 objects is far smaller.</summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly Device42Options _options;
    private readonly TimeProvider _time;
    private readonly CertificatePolicy? _certificates;

    public Device42Client(Device42Options options, TimeProvider time)
    {
        _options = options;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            // Credentials go to the configured appliance only, never to where a redirect points.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
        };
        if (options.PinnedSha256 is { } pin)
            _certificates = CertificatePolicy.Pinned(pin);
        else if (options.CaFile is { } caFile)
            _certificates = CertificatePolicy.FromCaFile(caFile);
        if (_certificates is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = _certificates.Validate;
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxAnswerBytes };
    }

    /// <summary>
    /// Every item of a listing, paged by what the appliance actually served: the next offset is the last one plus the
    /// items received, whatever <c>limit</c> was asked for ("Enforce API GET Limits" lets the appliance serve fewer,
    /// device42-docs API reference, "API Get Limits and Offsets"). The listing ends when <c>total_count</c> is reached
    /// or, where the page carries none, when a page comes back empty. Pages that disagree — a page shorter than one
    /// before it followed by more, more items than the echoed limit, a total that changes, an empty page before the
    /// total — fail the read: a partial listing must never look like removals.
    /// </summary>
    internal async Task<List<T>> ListAsync<TPage, T>(string path, string? query, JsonTypeInfo<TPage> page, string password, CancellationToken cancellationToken)
        where TPage : IDevice42Page<T>
    {
        var all = new List<T>();
        int? total = null;
        var largestPage = 0;
        var shortPageAt = -1;
        for (var n = 0; n < _options.MaxPages; n++)
        {
            var offset = all.Count;
            var answer = await ReadPageAsync<TPage, T>(path, query, _options.PageSize, offset, page, password, cancellationToken);
            var items = answer.Items!;
            var pageTotal = answer.TotalCount.Value;
            if (pageTotal is { } t && total is { } before && t != before)
                throw Inconsistent(path, offset, $"total_count changed from {before} to {t} while paging");
            total ??= pageTotal;
            if (answer.Limit.Value is { } echoed && items.Count > echoed)
                throw Inconsistent(path, offset, $"{items.Count} objects on a page whose limit is {echoed}");
            if (items.Count == 0)
            {
                if (total is { } expected && offset < expected)
                    throw Inconsistent(path, offset, $"an empty page at offset {offset} of total_count {expected}");
                return all;
            }
            if (shortPageAt >= 0)
                throw Inconsistent(path, offset, $"more objects after the short page at offset {shortPageAt}");
            if (items.Count < largestPage)
                shortPageAt = offset;
            largestPage = Math.Max(largestPage, items.Count);
            all.AddRange(items);
            if (total is { } whole)
            {
                if (all.Count > whole)
                    throw Inconsistent(path, offset, $"{all.Count} objects served of total_count {whole}");
                if (all.Count == whole)
                    return all;
            }
        }
        throw new Device42Exception(Device42Failure.TooManyPages,
            $"{path} has more than {_options.MaxPages} pages (of {_options.PageSize} asked, {largestPage} served); raise device42.maxPages to read it whole (a partial inventory is never used)");
    }

    /// <summary>
    /// The <c>total_count</c> of a filtered listing, asked for with <c>limit=1</c>: one small answer instead of every
    /// object. <paramref name="honoured"/> checks the one object served, so an appliance that ignores a filter fails
    /// the read instead of counting everything.
    /// </summary>
    internal async Task<int> CountAsync<TPage, T>(string path, string query, JsonTypeInfo<TPage> page, Func<T, bool> honoured, string password, CancellationToken cancellationToken)
        where TPage : IDevice42Page<T>
    {
        var answer = await ReadPageAsync<TPage, T>(path, query, 1, 0, page, password, cancellationToken);
        if (answer.TotalCount.Value is not { } total)
            throw new Device42Exception(Device42Failure.Malformed, $"the answer of {path}?{query} has no total_count to count by");
        var items = answer.Items!;
        if (total > 0 && items.Count == 0)
            throw Inconsistent(path, 0, $"total_count {total} with no object served");
        if (items.Count > 0 && !honoured(items[0]))
            throw new Device42Exception(Device42Failure.Malformed, $"{path} ignored the filter {query}: it served an object that does not match it");
        return total;
    }

    private async Task<TPage> ReadPageAsync<TPage, T>(string path, string? query, int limit, int offset, JsonTypeInfo<TPage> page, string password, CancellationToken cancellationToken)
        where TPage : IDevice42Page<T>
    {
        var url = $"{path}?{(query is null ? "" : query + "&")}limit={limit.ToString(CultureInfo.InvariantCulture)}&offset={offset.ToString(CultureInfo.InvariantCulture)}";
        var body = await GetAsync(url, password, cancellationToken);
        TPage? answer;
        try
        {
            answer = JsonSerializer.Deserialize(body, page);
        }
        catch (JsonException e)
        {
            throw new Device42Exception(Device42Failure.Malformed, $"malformed JSON from {path} (offset {offset}): {e.Message}");
        }
        if (answer?.Items is null)
            throw new Device42Exception(Device42Failure.Malformed, $"the answer of {path} has no list of objects");
        if (answer.TotalCount.Malformed is { } badTotal)
            throw new Device42Exception(Device42Failure.Malformed, $"{path} (offset {offset}) has total_count '{badTotal}', not a count");
        return answer;
    }

    private static Device42Exception Inconsistent(string path, int offset, string what) =>
        new(Device42Failure.Malformed, $"{path} pages disagree at offset {offset}: {what}; the listing is not used (a partial listing would look like removals)");

    private async Task<byte[]> GetAsync(string pathAndQuery, string password, CancellationToken cancellationToken)
    {
        var path = pathAndQuery[..pathAndQuery.IndexOf('?')];
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.Url, pathAndQuery.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{password}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            if (response.IsSuccessStatusCode)
                return body;
            var code = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new Device42Exception(Device42Failure.Unauthorized,
                    $"Device42 refused user '{_options.User}' (HTTP {code} on {path}): check the user, the password file and the user's API permission");
            var message = ErrorMessage(body);
            // pydevice42 (d42client.py, D42Client._request) reads these two from a 500's "msg".
            if (message is not null && message.StartsWith("License expired", StringComparison.OrdinalIgnoreCase))
                throw new Device42Exception(Device42Failure.LicenseExpired,
                    $"Device42's own licence has expired, so it refuses every API call until it is renewed (HTTP {code} on {path}: {message})");
            if (message is not null && message.StartsWith("License is not valid for", StringComparison.OrdinalIgnoreCase))
                throw new Device42Exception(Device42Failure.LicenseNotValid,
                    $"Device42's licence does not cover this part of the API, so it refuses it until the licence is extended (HTTP {code} on {path}: {message})");
            throw new Device42Exception(Device42Failure.ServerError, $"HTTP {code} on {path}{(message is null ? "" : ": " + message)}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new Device42Exception(Device42Failure.Timeout, $"no answer on {path} within {Core.Rules.Durations.Format(_options.Timeout)}");
        }
        catch (HttpRequestException e)
        {
            var reason = _certificates?.LastRejection is { } rejected ? "the appliance's certificate is not trusted: " + rejected : Innermost(e);
            throw new Device42Exception(Device42Failure.Unreachable, $"cannot read {path} from {_options.Url.Authority}: {reason}");
        }
    }

    /// <summary>The <c>msg</c> of a Device42 error answer (<c>{"msg": "...", "code": N}</c>), cut short; null when there is none.</summary>
    private static string? ErrorMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("msg", out var msg))
            {
                var text = msg.ValueKind == JsonValueKind.String ? msg.GetString() : msg.ToString();
                return text is { Length: > 200 } ? text[..200] + "…" : text;
            }
        }
        catch (JsonException)
        {
            // An HTML error page: the status says enough.
        }
        return null;
    }

    private static string Innermost(Exception e)
    {
        var messages = new List<string>();
        for (Exception? x = e; x is not null && messages.Count < 4; x = x.InnerException)
            messages.Add(x.Message);
        return string.Join(": ", messages.Distinct());
    }

    public void Dispose() => _http.Dispose();
}
