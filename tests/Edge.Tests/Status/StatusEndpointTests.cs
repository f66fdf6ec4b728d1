using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Edge.Emulators.PagerDuty;
using Edge.Status;
using Edge.Tests.Delivery;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Tests.Status;

/// <summary>
/// Nothing a client of the status port does may stop Edge: the real <c>edge run</c> under the unit's LimitNOFILE, a
/// hostile client, and the rack's own alerts still paged.
/// </summary>
public class StatusEndpointTests
{
    /// <summary>systemd/edge.service: LimitNOFILE=1024.</summary>
    private const int UnitOpenFilesLimit = 1024;

    [Fact]
    public async Task Two_thousand_unfinished_requests_leave_the_daemon_paging_and_answering_and_are_all_closed_within_the_header_timeout()
    {
        await using var pagerDuty = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, pagerDuty.Endpoint);
        var port = WithStatusPort(rack);
        await using var edge = new RunningDaemon(rack.ConfigFile, UnitOpenFilesLimit);
        await edge.WaitForLine("started");
        var status = new IPEndPoint(IPAddress.Loopback, port);
        var before = Directory.GetFiles($"/proc/{edge.ProcessId}/fd").Length;

        // The attacker is another host of the management LAN (127.0.0.2: loopback, a source address of its own);
        // the well-behaved client is `edge status` on the box (127.0.0.1).
        using var attacker = new SlowClients(TimeSpan.FromSeconds(40));
        var attack = attacker.OpenAsync(IPAddress.Parse("127.0.0.2"), status, count: 2000, parallel: 200);
        await RunningDaemon.Eventually(() => Task.FromResult(attacker.Open >= 8), "the attacker holds connections");

        rack.Set("h1", 35);
        var descriptors = new List<int>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var answers = new List<TimeSpan>();
        var openDuringAnswers = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            openDuringAnswers.Add(attacker.Open);
            var took = Stopwatch.StartNew();
            using (var response = await http.GetAsync($"http://127.0.0.1:{port}/status"))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("\"appliance\": \"e2e-rack\"", await response.Content.ReadAsStringAsync());
            }
            answers.Add(took.Elapsed);
            descriptors.Add(Directory.GetFiles($"/proc/{edge.ProcessId}/fd").Length);
            await Task.Delay(200);
        }
        await attack;

        await RunningDaemon.Eventually(() => Task.FromResult(pagerDuty.Received.Any(e => e.DedupKey == HwmonRack.DedupKey("h1") && e.Action == "trigger")),
            "the sensor that went hot during the attack is paged", TimeSpan.FromSeconds(15));
        var lifetimes = await attacker.LifetimesAsync();

        Assert.False(edge.HasExited, string.Join('\n', edge.Log));
        Assert.DoesNotContain(edge.Log, l => l.Contains("Out of memory", StringComparison.Ordinal));
        Assert.All(answers, took => Assert.True(took < TimeSpan.FromSeconds(1), $"/status took {took.TotalMilliseconds:0} ms during the attack"));
        Assert.Contains(openDuringAnswers, open => open > 0);
        // What the daemon held before, the endpoint's sockets (the connections Kestrel holds and those it is closing,
        // StatusConnectionListener.MaxSockets) and a few for the pipeline's own work (a sensor file, a delivery).
        var bound = before + StatusConnectionListener.MaxSockets + 16;
        Assert.All(descriptors, n => Assert.True(n <= bound, $"{n} descriptors open during the attack (before: {before}, bound {bound})"));
        Assert.Equal(2000, lifetimes.Count + attacker.FailedToConnect);
        Assert.True(lifetimes.Count >= 1900, $"only {lifetimes.Count} of 2000 connected");
        // Kestrel checks the header timeout once a second, from the moment it starts the connection (after the accept);
        // two seconds more for a test machine whose two cores run the rest of the suite (just over 7 s there).
        var timeout = StatusLimits.RequestHeadersTimeout + TimeSpan.FromSeconds(3);
        Assert.All(lifetimes, lived => Assert.True(lived is { } l && l <= timeout, $"an unfinished request stayed open {lived?.TotalSeconds:0.0} s (bound {timeout.TotalSeconds} s)"));
        // One line for the flood, not one per connection: the journal is on the SD card.
        Assert.InRange(edge.Log.Count(l => l.Contains("more from it are closed at once", StringComparison.Ordinal)), 1, 1);
    }

    [Fact]
    public async Task Only_small_GET_and_HEAD_requests_are_answered()
    {
        await using var pagerDuty = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, pagerDuty.Endpoint);
        var port = WithStatusPort(rack);
        await using var edge = new RunningDaemon(rack.ConfigFile, UnitOpenFilesLimit);
        await edge.WaitForLine("started");

        var get = await Exchange(port, "GET /status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", get);
        Assert.Contains("\"appliance\": \"e2e-rack\"", get);

        // HEAD: the same headers (the length of the document GET would send), no body.
        var head = await Exchange(port, "HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", head);
        Assert.Matches(@"(?i)content-length: [1-9][0-9]*\r\n", head);
        Assert.EndsWith("\r\n\r\n", head);

        foreach (var method in new[] { "POST", "PUT", "DELETE", "OPTIONS", "PATCH" })
        {
            var refused = await Exchange(port, $"{method} /status HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 405 ", refused);
            Assert.Contains("Allow: GET, HEAD\r\n", refused);
        }

        // A header block over StatusLimits.MaxRequestHeadersBytes (8 KiB): 9,000 bytes in one header.
        var bigHeaders = await Exchange(port, $"GET /status HTTP/1.1\r\nHost: x\r\nX-Padding: {new string('a', 9000)}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 431 ", bigHeaders);

        // More headers than StatusLimits.MaxRequestHeaderCount (32): 40 small ones.
        var manyHeaders = await Exchange(port, "GET /status HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"X-{i}: y\r\n")) + "\r\n");
        Assert.StartsWith("HTTP/1.1 431 ", manyHeaders);

        // A request line over StatusLimits.MaxRequestLineBytes (1 KiB): a 2,000-byte path.
        var longLine = await Exchange(port, $"GET /{new string('a', 2000)} HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 414 ", longLine);

        // A GET that announces a body: refused before a byte of it is read.
        var body = await Exchange(port, "GET /status HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 413 ", body);

        Assert.False(edge.HasExited);
    }

    private static int WithStatusPort(HwmonRack rack)
    {
        var port = FreePort.Tcp();
        var config = JsonNode.Parse(File.ReadAllText(rack.ConfigFile))!;
        config["status"] = new JsonObject { ["listen"] = $"127.0.0.1:{port}" };
        File.WriteAllText(rack.ConfigFile, config.ToJsonString());
        return port;
    }

    /// <summary>One raw request on its own connection; everything the server sends until it closes (10 s at most).</summary>
    private static async Task<string> Exchange(int port, string request)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, limit.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, limit.Token);
        var answer = new StringBuilder();
        var buffer = new byte[16384];
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token)) > 0)
                answer.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        catch (SocketException) when (answer.Length > 0)
        {
            // Reset after the answer: the server closed with the rest of the request unread.
        }
        return answer.ToString();
    }
}
