using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Delivery.Configuration;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.PagerDuty;

/// <summary>
/// What the HTTP stack does that the emulator cannot show: the configured HTTPS proxy is asked to CONNECT to
/// PagerDuty, and a Retry-After given as a date is honoured. A one-request server on 127.0.0.1 answers; nothing
/// leaves the machine (the "proxy" refuses the tunnel).
/// </summary>
public class PagerDutyClientTests
{
    private const string DedupKey = "dc1-r12/rack-hot/s1";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event_action":"trigger","dedup_key":"dc1-r12/rack-hot/s1"}""");

    [Fact]
    public async Task The_configured_proxy_is_asked_to_tunnel_to_PagerDuty_with_Edges_user_agent()
    {
        using var proxy = new OneAnswer("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var options = new DeliveryOptions { Endpoint = DeliveryOptions.UsEndpoint, Proxy = new Uri($"http://127.0.0.1:{proxy.Port}") };
        using var http = PagerDutyHttp.CreateClient(options, "9.9.9");

        var outcome = await new PagerDutyClient(http, options.Endpoint, TimeProvider.System, TimeSpan.FromSeconds(10)).SendAsync(Body, DedupKey, CancellationToken.None);

        Assert.Equal(DeliveryResult.Transient, outcome.Result);
        var request = await proxy.Request.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("CONNECT events.pagerduty.com:443 HTTP/1.1\r\n", request);
        Assert.Contains("User-Agent: Edge/9.9.9", request);
    }

    [Fact]
    public async Task A_Retry_After_date_becomes_the_wait_until_that_date()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(90);
        using var server = new OneAnswer($"HTTP/1.1 429 Too Many Requests\r\nRetry-After: {until:R}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var options = new DeliveryOptions { Endpoint = new Uri($"http://127.0.0.1:{server.Port}/v2/enqueue") };
        using var http = PagerDutyHttp.CreateClient(options, "9.9.9");

        var outcome = await new PagerDutyClient(http, options.Endpoint, time, TimeSpan.FromSeconds(10)).SendAsync(Body, DedupKey, CancellationToken.None);

        Assert.Equal(DeliveryResult.Throttled, outcome.Result);
        Assert.Equal("throttled (429)", outcome.Error);
        Assert.Equal(TimeSpan.FromSeconds(90), outcome.RetryAfter);
    }

    // Only PagerDuty's acceptance is delivered: its documented 202 (go-pagerduty accepts nothing else), or a relay's
    // 200/201 with PagerDuty's JSON success; a body naming another dedup key is not the answer to this event
    // (pdpyras reads the dedup_key back). A 400 about the routing key, or a relay's 401/403/404/405, is the route's fault.
    [Theory]
    [InlineData(202, "application/json", """{"status":"success","message":"Event processed","dedup_key":"dc1-r12/rack-hot/s1"}""", DeliveryResult.Delivered)]
    [InlineData(202, "text/plain", "", DeliveryResult.Delivered)]
    [InlineData(200, "application/json", """{"status":"success","message":"Event processed","dedup_key":"dc1-r12/rack-hot/s1"}""", DeliveryResult.Delivered)]
    [InlineData(201, "application/json", """{"status":"success"}""", DeliveryResult.Delivered)]
    [InlineData(200, "text/html", "<html><body>Request received.</body></html>", DeliveryResult.RelayFault)]
    [InlineData(200, "application/json", """{"ok":true}""", DeliveryResult.RelayFault)]
    [InlineData(204, "text/plain", "", DeliveryResult.RelayFault)]
    [InlineData(202, "application/json", """{"status":"success","message":"Event processed","dedup_key":"another"}""", DeliveryResult.RelayFault)]
    [InlineData(202, "application/json", """{"status":"queued elsewhere"}""", DeliveryResult.RelayFault)]
    [InlineData(400, "application/json", """{"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key"]}""", DeliveryResult.KeyRejected)]
    [InlineData(400, "application/json", """{"status":"invalid event","message":"Event object is invalid","errors":["Length of 'routing_key' is incorrect (should be 32 characters)","'routing_key' cannot contain non-alphanumeric characters."]}""", DeliveryResult.KeyRejected)]
    [InlineData(400, "application/json", """{"status":"invalid event","message":"Event object is invalid","errors":["'summary' is too long (maiximum is 1024 characters)"]}""", DeliveryResult.Rejected)]
    [InlineData(413, "text/html", "<html>413 Request Entity Too Large</html>", DeliveryResult.Rejected)]
    [InlineData(401, "text/html", "", DeliveryResult.RouteRefused)]
    [InlineData(403, "text/html", "", DeliveryResult.RouteRefused)]
    [InlineData(404, "text/html", "<h1>Not Found</h1>", DeliveryResult.RouteRefused)]
    [InlineData(405, "text/html", "", DeliveryResult.RouteRefused)]
    [InlineData(502, "text/html", "", DeliveryResult.Transient)]
    public async Task Only_PagerDutys_acceptance_is_delivered_and_each_other_answer_has_its_meaning(int status, string type, string body, DeliveryResult expected)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        using var server = new OneAnswer($"HTTP/1.1 {status} Whatever\r\nContent-Type: {type}\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}");
        var options = new DeliveryOptions { Endpoint = new Uri($"http://127.0.0.1:{server.Port}/v2/enqueue") };
        using var http = PagerDutyHttp.CreateClient(options, "9.9.9");

        var outcome = await new PagerDutyClient(http, options.Endpoint, TimeProvider.System, TimeSpan.FromSeconds(10)).SendAsync(Body, DedupKey, CancellationToken.None);

        Assert.Equal(expected, outcome.Result);
        if (expected == DeliveryResult.RelayFault)
            Assert.StartsWith("relay fault: HTTP " + status, outcome.Error, StringComparison.Ordinal);
        if (status == 413)
            Assert.StartsWith("413 ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_urls_user_information_and_query_never_reach_the_error()
    {
        using var server = new OneAnswer("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var endpoint = new Uri($"http://edge:relay-secret@127.0.0.1:{server.Port}/v2/enqueue?token=query-secret");
        using var http = PagerDutyHttp.CreateClient(new DeliveryOptions { Endpoint = endpoint }, "9.9.9");

        var outcome = await new PagerDutyClient(http, endpoint, TimeProvider.System, TimeSpan.FromSeconds(10)).SendAsync(Body, DedupKey, CancellationToken.None);

        Assert.Equal(DeliveryResult.RouteRefused, outcome.Result);
        Assert.Equal($"HTTP 401 Unauthorized from http://127.0.0.1:{server.Port}/v2/enqueue", outcome.Error);
        Assert.Equal($"http://127.0.0.1:{server.Port}/v2/enqueue", PagerDutyHttp.Describe(endpoint));
    }

    /// <summary>Accepts one connection on 127.0.0.1, keeps what arrived up to the end of the head, answers, closes.</summary>
    private sealed class OneAnswer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneAnswer(string answer)
        {
            _listener.Start();
            Request = ServeAsync(answer);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<string> Request { get; }

        private async Task<string> ServeAsync(string answer)
        {
            using var tcp = await _listener.AcceptTcpClientAsync();
            var stream = tcp.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await stream.ReadAsync(buffer);
                if (n == 0)
                    break;
                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            return head.ToString();
        }

        public void Dispose() => _listener.Stop();
    }
}
