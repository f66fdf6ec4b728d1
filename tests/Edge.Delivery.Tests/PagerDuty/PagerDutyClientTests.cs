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
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event_action":"trigger"}""");

    [Fact]
    public async Task The_configured_proxy_is_asked_to_tunnel_to_PagerDuty_with_Edges_user_agent()
    {
        using var proxy = new OneAnswer("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var options = new DeliveryOptions { Endpoint = DeliveryOptions.UsEndpoint, Proxy = new Uri($"http://127.0.0.1:{proxy.Port}") };
        using var http = PagerDutyHttp.CreateClient(options, "9.9.9");

        var outcome = await new PagerDutyClient(http, options.Endpoint, TimeProvider.System, TimeSpan.FromSeconds(10)).SendAsync(Body, CancellationToken.None);

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

        var outcome = await new PagerDutyClient(http, options.Endpoint, time, TimeSpan.FromSeconds(10)).SendAsync(Body, CancellationToken.None);

        Assert.Equal(DeliveryResult.Throttled, outcome.Result);
        Assert.Equal("throttled (429)", outcome.Error);
        Assert.Equal(TimeSpan.FromSeconds(90), outcome.RetryAfter);
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
