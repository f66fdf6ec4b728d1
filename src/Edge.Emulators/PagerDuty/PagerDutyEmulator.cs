using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Emulators.PagerDuty;

/// <summary>
/// PagerDuty's Events API v2 over real HTTP/1.1 on a loopback port, for tests and <c>edge demo</c>: strict about the
/// event schema (<see cref="EventValidator"/>), keeping PagerDuty's dedup state (an alert per routing key and dedup
/// key, open from trigger to resolve), rejecting keys it does not know (<see cref="KnownKeys"/>), rate limiting per
/// routing key over a sliding 60 s window, and failing on demand, as PagerDuty or a relay in front of it does
/// (<see cref="Fault"/>, <see cref="FailNext"/>). A minimal server on a TcpListener: no ASP.NET, works under NativeAOT.
/// </summary>
public sealed class PagerDutyEmulator : IAsyncDisposable
{
    public const string Path = "/v2/enqueue";

    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly TimeProvider _time;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedEvent> _received = [];
    private readonly List<string> _rejections = [];
    private readonly Dictionary<(string, string), EmulatedAlert> _alerts = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> _window = new(StringComparer.Ordinal);
    private readonly Queue<EmulatorFault> _nextFaults = new();
    private readonly List<Task> _connections = [];
    private CancellationTokenSource _unhang = new();
    private Task? _accepting;
    private int _requests;

    private readonly X509Certificate2? _certificate;

    /// <param name="certificate">When given, the emulator speaks HTTPS with it (as an intercepting proxy or a relay does).</param>
    public PagerDutyEmulator(TimeProvider? time = null, X509Certificate2? certificate = null)
    {
        _time = time ?? TimeProvider.System;
        _certificate = certificate;
    }

    /// <summary>Events per minute per routing key before 429 (PagerDuty documents about 120); null: no limit.</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>
    /// The integration keys this PagerDuty knows; null: any well-formed key. A well-formed key outside the set gets the
    /// 400 "Invalid routing key" (PagerDuty's text for a key of no integration, as its users quote it:
    /// github.com/robusta-dev/robusta issue 571), in the documented 400 body.
    /// </summary>
    public IReadOnlySet<string>? KnownKeys { get; set; }

    public const string InvalidRoutingKey = "Invalid routing key";

    /// <summary>Sent with every 429, when set.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>The fault every request meets until it is set back to <see cref="EmulatorFault.None"/>.</summary>
    public EmulatorFault Fault
    {
        get
        {
            lock (_gate)
                return _fault;
        }
        set
        {
            CancellationTokenSource unhang;
            lock (_gate)
            {
                _fault = value;
                if (value == EmulatorFault.Hang)
                    return;
                unhang = _unhang;
                _unhang = new CancellationTokenSource();
            }
            unhang.Cancel();
            unhang.Dispose();
        }
    }

    private EmulatorFault _fault;

    public Uri Endpoint => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{Path}");

    /// <summary>
    /// Raised (on a connection's thread) for every accepted event, once PagerDuty's state has recorded it and before
    /// the 202 is written: <c>edge demo</c> prints them, and a test can kill the sender inside the window between
    /// PagerDuty's acceptance and the sender's commit of it, the only window in which an event is sent twice.
    /// </summary>
    public event Action<ReceivedEvent>? Accepted;

    /// <summary>Every HTTP request that reached the emulator, whatever the answer.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<ReceivedEvent> Received
    {
        get
        {
            lock (_gate)
                return _received.ToArray();
        }
    }

    /// <summary>The errors of every 400 answered, in order.</summary>
    public IReadOnlyList<string> Rejections
    {
        get
        {
            lock (_gate)
                return _rejections.ToArray();
        }
    }

    public IReadOnlyList<EmulatedAlert> Alerts
    {
        get
        {
            lock (_gate)
                return _alerts.Values.ToArray();
        }
    }

    public IReadOnlyList<EmulatedAlert> OpenAlerts => Alerts.Where(a => a.Open).OrderBy(a => a.DedupKey, StringComparer.Ordinal).ToArray();

    public PagerDutyEmulator Start()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync(_stop.Token);
        return this;
    }

    /// <summary>The next <paramref name="count"/> requests meet <paramref name="fault"/>, then answers are normal again.</summary>
    public void FailNext(int count, EmulatorFault fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
                _nextFaults.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_gate)
            connections = _connections.ToArray();
        try
        {
            if (_accepting is not null)
                await _accepting.ConfigureAwait(false);
            await Task.WhenAll(connections).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _unhang.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var task = ServeAsync(tcp, stop);
            lock (_gate)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(task);
            }
        }
    }

    private async Task ServeAsync(TcpClient tcp, CancellationToken stop)
    {
        using var _ = tcp;
        tcp.NoDelay = true;
        Stream stream = tcp.GetStream();
        var buffer = new List<byte>(4096);
        var chunk = new byte[8192];
        try
        {
            if (_certificate is not null)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, stop).ConfigureAwait(false);
                stream = tls;
            }
            // HTTP/1.1 keep-alive: requests follow one another on the connection until it closes.
            while (!stop.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(stream, buffer, chunk, stop).ConfigureAwait(false);
                if (request is null)
                    return;
                Interlocked.Increment(ref _requests);
                var fault = NextFault();
                switch (fault)
                {
                    case EmulatorFault.Close:
                        return;
                    case EmulatorFault.Hang:
                        CancellationToken unhang;
                        lock (_gate)
                            unhang = _unhang.Token;
                        using (var both = CancellationTokenSource.CreateLinkedTokenSource(stop, unhang))
                        {
                            try
                            {
                                await Task.Delay(Timeout.Infinite, both.Token).ConfigureAwait(false);
                            }
                            catch (OperationCanceledException)
                            {
                            }
                        }
                        // A hung request is never answered: the client has given up on it by now.
                        return;
                    case EmulatorFault.ServerError:
                        await RespondAsync(stream, 500, "Internal Server Error", """{"status":"error","message":"Internal Server Error"}""", null, stop).ConfigureAwait(false);
                        continue;
                    case EmulatorFault.Invalid:
                        lock (_gate)
                            _rejections.Add("'summary' is too long (maiximum is 1024 characters)");
                        await RespondAsync(stream, 400, "Bad Request",
                            """{"status":"invalid event","message":"Event object is invalid","errors":["'summary' is too long (maiximum is 1024 characters)"]}""", null, stop).ConfigureAwait(false);
                        continue;
                    case EmulatorFault.InvalidEchoingKey:
                        var echoed = $"event for integration {RoutingKeyOf(request.Value.Body)}: 'summary' is too long (maiximum is 1024 characters)";
                        lock (_gate)
                            _rejections.Add(echoed);
                        var answer = new JsonObject { ["status"] = "invalid event", ["message"] = "Event object is invalid", ["errors"] = new JsonArray(echoed) };
                        await RespondAsync(stream, 400, "Bad Request", answer.ToJsonString(), null, stop).ConfigureAwait(false);
                        continue;
                    case EmulatorFault.InvalidEchoingKeyInText:
                        var page = new string('.', 487) + " key " + RoutingKeyOf(request.Value.Body) + " refused by relay";
                        lock (_gate)
                            _rejections.Add(page);
                        await RespondAsync(stream, 400, "Bad Request", page, null, stop).ConfigureAwait(false);
                        continue;
                    case EmulatorFault.HtmlOk:
                        await RespondAsync(stream, 200, "OK", "<!DOCTYPE html><html><head><title>Proxy</title></head><body><p>Request received.</p></body></html>", null, stop,
                            "text/html").ConfigureAwait(false);
                        continue;
                    case EmulatorFault.NotFound:
                        await RespondAsync(stream, 404, "Not Found", "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>", null, stop, "text/html").ConfigureAwait(false);
                        continue;
                    case EmulatorFault.PayloadTooLarge:
                        await RespondAsync(stream, 413, "Payload Too Large", "<html><body><h1>413 Request Entity Too Large</h1></body></html>", null, stop, "text/html").ConfigureAwait(false);
                        continue;
                    case EmulatorFault.Throttle:
                        await RespondAsync(stream, 429, "Too Many Requests", """{"status":"throttle event","message":"Requests for this service are arriving too quickly."}""", RetryAfter, stop).ConfigureAwait(false);
                        continue;
                }
                var (status, reason, body) = Handle(request.Value);
                await RespondAsync(stream, status, reason, body, status == 429 ? RetryAfter : null, stop).ConfigureAwait(false);
                if (request.Value.Close)
                    return;
            }
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private EmulatorFault NextFault()
    {
        lock (_gate)
            return _nextFaults.TryDequeue(out var next) ? next : _fault;
    }

    private (int Status, string Reason, string Body) Handle(HttpRequest request)
    {
        if (request.Method != "POST" || request.Target != Path)
            return (404, "Not Found", """{"status":"not found","message":"only POST /v2/enqueue is served here"}""");
        var errors = EventValidator.Validate(request.Body);
        if (errors.Count == 0 && KnownKeys is { } known && RoutingKeyOf(request.Body) is { } candidate && !known.Contains(candidate))
            errors.Add(InvalidRoutingKey);
        if (errors.Count > 0)
        {
            lock (_gate)
                _rejections.Add(string.Join("; ", errors));
            var payload = new JsonObject
            {
                ["status"] = "invalid event",
                ["message"] = "Event object is invalid",
                ["errors"] = new JsonArray(errors.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
            };
            return (400, "Bad Request", payload.ToJsonString());
        }
        var root = JsonNode.Parse(request.Body)!.AsObject();
        var key = (string)root["routing_key"]!;
        var action = (string)root["event_action"]!;
        var dedup = (string?)root["dedup_key"] ?? Guid.NewGuid().ToString("N");
        var payloadNode = root["payload"] as JsonObject;
        var now = _time.GetUtcNow();
        ReceivedEvent received;
        lock (_gate)
        {
            if (RateLimitPerMinute is { } limit)
            {
                if (!_window.TryGetValue(key, out var times))
                    _window[key] = times = new Queue<DateTimeOffset>();
                while (times.Count > 0 && now - times.Peek() >= TimeSpan.FromMinutes(1))
                    times.Dequeue();
                if (times.Count >= limit)
                    return (429, "Too Many Requests", """{"status":"throttle event","message":"Requests for this service are arriving too quickly. Please retry later."}""");
                times.Enqueue(now);
            }
            var dropped = Apply(key, action, dedup, payloadNode);
            DateTimeOffset? timestamp = payloadNode?["timestamp"] is JsonValue t
                && DateTimeOffset.TryParse((string?)t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
            received = new ReceivedEvent(_received.Count + 1, key, action, dedup, (string?)payloadNode?["summary"], (string?)payloadNode?["severity"], timestamp,
                payloadNode?["custom_details"]?.DeepClone() as JsonObject, now, request.UserAgent, dropped);
            _received.Add(received);
        }
        Accepted?.Invoke(received);
        var answer = new JsonObject { ["status"] = "success", ["message"] = "Event processed", ["dedup_key"] = dedup };
        return (202, "Accepted", answer.ToJsonString());
    }

    private static string? RoutingKeyOf(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body)?["routing_key"] is JsonValue key && key.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>PagerDuty's dedup: a trigger adds to an open alert or opens one; acknowledge/resolve without one is dropped.</summary>
    private bool Apply(string key, string action, string dedup, JsonObject? payload)
    {
        _alerts.TryGetValue((key, dedup), out var alert);
        switch (action)
        {
            case "trigger":
                var opens = alert is null || !alert.Open;
                _alerts[(key, dedup)] = new EmulatedAlert(key, dedup, (string?)payload?["summary"] ?? "", (string?)payload?["severity"] ?? "",
                    Open: true, Triggers: (alert?.Triggers ?? 0) + 1, Incidents: (alert?.Incidents ?? 0) + (opens ? 1 : 0));
                return false;
            case "resolve":
                if (alert is not { Open: true })
                    return true;
                _alerts[(key, dedup)] = alert with { Open = false };
                return false;
            default:
                return alert is not { Open: true };
        }
    }

    private static async Task RespondAsync(Stream stream, int status, string reason, string body, TimeSpan? retryAfter, CancellationToken stop,
        string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n");
        if (retryAfter is { } wait)
            head.Append(CultureInfo.InvariantCulture, $"Retry-After: {(int)Math.Ceiling(wait.TotalSeconds)}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop).ConfigureAwait(false);
        await stream.WriteAsync(bytes, stop).ConfigureAwait(false);
        await stream.FlushAsync(stop).ConfigureAwait(false);
    }

    /// <summary>Reads one request (head and Content-Length body); null when the client closed the connection.</summary>
    private static async Task<HttpRequest?> ReadRequestAsync(Stream stream, List<byte> buffer, byte[] chunk, CancellationToken stop)
    {
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            if (buffer.Count > MaxHeaderBytes)
                return null;
            var n = await stream.ReadAsync(chunk, stop).ConfigureAwait(false);
            if (n == 0)
                return null;
            buffer.AddRange(chunk.AsSpan(0, n));
        }
        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray());
        buffer.RemoveRange(0, headEnd + 4);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
            return null;
        var length = 0;
        var close = requestLine[2] == "HTTP/1.0";
        string? userAgent = null;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !int.TryParse(value, CultureInfo.InvariantCulture, out length))
                return null;
            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
            if (name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase))
                userAgent = value;
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                return null; // Edge always sends a Content-Length; anything else is not what this emulator serves.
        }
        if (length is < 0 or > MaxBodyBytes)
            return null;
        while (buffer.Count < length)
        {
            var n = await stream.ReadAsync(chunk, stop).ConfigureAwait(false);
            if (n == 0)
                return null;
            buffer.AddRange(chunk.AsSpan(0, n));
        }
        var body = buffer.GetRange(0, length).ToArray();
        buffer.RemoveRange(0, length);
        return new HttpRequest(requestLine[0], requestLine[1], body, userAgent, close);
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 3; i < buffer.Count; i++)
        {
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
                return i - 3;
        }
        return -1;
    }

    private readonly record struct HttpRequest(string Method, string Target, byte[] Body, string? UserAgent, bool Close);
}
