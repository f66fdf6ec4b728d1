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
/// bounded by maxPages, each request bounded by the timeout (on the injected clock). Every failure is a
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

    /// <summary>Every item of a listing, page after page, until total_count is reached or a page comes back short.</summary>
    internal async Task<List<T>> ListAsync<TPage, T>(string path, string? query, JsonTypeInfo<TPage> page, string password, CancellationToken cancellationToken)
        where TPage : IDevice42Page<T>
    {
        var all = new List<T>();
        var offset = 0;
        for (var n = 0; n < _options.MaxPages; n++)
        {
            var url = $"{path}?{(query is null ? "" : query + "&")}limit={_options.PageSize.ToString(CultureInfo.InvariantCulture)}&offset={offset.ToString(CultureInfo.InvariantCulture)}";
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
            var items = answer?.Items ?? throw new Device42Exception(Device42Failure.Malformed, $"the answer of {path} has no list of objects");
            all.AddRange(items);
            offset += items.Count;
            if (items.Count == 0 || (answer.TotalCount is { } total ? offset >= total : items.Count < _options.PageSize))
                return all;
        }
        throw new Device42Exception(Device42Failure.TooManyPages,
            $"{path} has more than {_options.MaxPages} pages of {_options.PageSize}; raise device42.maxPages to read it whole (a partial inventory is never used)");
    }

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
            // Device42 answers every call with 500 "License expired ..." once its licence has run out.
            if (message is not null && message.StartsWith("License expired", StringComparison.OrdinalIgnoreCase))
                throw new Device42Exception(Device42Failure.LicenseExpired, $"Device42's licence has expired (HTTP {code} on {path}: {message})");
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
