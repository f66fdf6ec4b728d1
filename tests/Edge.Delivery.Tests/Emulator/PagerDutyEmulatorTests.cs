using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Edge.Emulators.PagerDuty;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Emulator;

public class PagerDutyEmulatorTests : IAsyncLifetime
{
    private const string Key = Support.Pipeline.Key;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private PagerDutyEmulator _emulator = null!;

    public Task InitializeAsync()
    {
        _emulator = new PagerDutyEmulator(_time).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _http.Dispose();
    }

    private static JsonObject Trigger(string dedup = "dc1/rack-hot/s1") => new()
    {
        ["routing_key"] = Key,
        ["event_action"] = "trigger",
        ["dedup_key"] = dedup,
        ["payload"] = new JsonObject { ["summary"] = "s1 is hot", ["source"] = "dc1/s1", ["severity"] = "critical", ["timestamp"] = "2026-11-26T12:00:00Z" },
    };

    private static JsonObject Resolve(string dedup = "dc1/rack-hot/s1") => new() { ["routing_key"] = Key, ["event_action"] = "resolve", ["dedup_key"] = dedup };

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Post(string json)
    {
        using var response = await _http.PostAsync(_emulator.Endpoint, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    [Fact]
    public async Task A_valid_trigger_is_answered_202_and_opens_an_alert_that_a_resolve_closes()
    {
        var (status, body) = await Post(Trigger().ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("success", (string?)body!["status"]);
        Assert.Equal("dc1/rack-hot/s1", Assert.Single(_emulator.OpenAlerts).DedupKey);

        await Post(Trigger().ToJsonString());
        Assert.Equal(1, Assert.Single(_emulator.Alerts).Incidents);

        await Post(Resolve().ToJsonString());
        Assert.Empty(_emulator.OpenAlerts);

        await Post(Trigger().ToJsonString());
        Assert.Equal(2, Assert.Single(_emulator.Alerts).Incidents);
    }

    [Fact]
    public async Task A_resolve_without_an_open_alert_is_accepted_and_dropped()
    {
        var (status, _) = await Post(Resolve("never-triggered").ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(Assert.Single(_emulator.Received).Dropped);
    }

    public static TheoryData<string, string> Invalid() => new()
    {
        { """{"routing_key":"short","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"critical"}}""", "Length of 'routing_key' is incorrect (should be 32 characters)" },
        { """{"routing_key":"R0123456789abcdefABCDEF01234567-","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"critical"}}""", "'routing_key' cannot contain non-alphanumeric characters." },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"explode","dedup_key":"k"}""", "'event_action' must be one of trigger, acknowledge, resolve" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger"}""", "'payload' is missing or blank" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger","payload":{"source":"x","severity":"critical"}}""", "'summary' is missing or blank" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"fatal"}}""", "'severity' must be one of critical, error, warning, info" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger","payload":{"summary":"{{{new string('x', 1025)}}}","source":"x","severity":"info"}}""", "'summary' is too long (maiximum is 1024 characters)" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"resolve"}""", "'dedup_key' is missing or blank" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"resolve","dedup_key":"{{{new string('k', 256)}}}"}""", "'dedup_key' is too long (maximum is 255 characters)" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"info","timestamp":"yesterday"}}""", "'timestamp' is not a valid ISO 8601 time" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"info"},"images":[{"src":"http://x/y.png"}]}""", "'images[].src' must be an https URL" },
        { $$$"""{"routing_key":"{{{Key}}}","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"info"},"colour":"red"}""", "'colour' is not a permitted field" },
    };

    [Fact]
    public async Task A_key_of_no_integration_it_knows_is_answered_Invalid_routing_key_and_nothing_is_recorded()
    {
        _emulator.KnownKeys = new HashSet<string> { "K0123456789abcdefABCDEF012345678" };

        var (status, body) = await Post(Trigger().ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Invalid routing key"], body!["errors"]!.AsArray().Select(e => (string?)e));
        Assert.Empty(_emulator.Received);
    }

    [Theory]
    [InlineData(EmulatorFault.HtmlOk, 200, "text/html")]
    [InlineData(EmulatorFault.NotFound, 404, "text/html")]
    [InlineData(EmulatorFault.PayloadTooLarge, 413, "text/html")]
    public async Task Relay_faults_on_demand_answer_as_a_relay_does_and_reach_no_PagerDuty_state(EmulatorFault fault, int status, string type)
    {
        _emulator.FailNext(1, fault);

        using var response = await _http.PostAsync(_emulator.Endpoint, new StringContent(Trigger().ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_emulator.Received);
        Assert.Empty(_emulator.OpenAlerts);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_event_is_answered_400_with_PagerDutys_errors(string json, string error)
    {
        var (status, body) = await Post(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid event", (string?)body!["status"]);
        Assert.Contains(error, body["errors"]!.AsArray().Select(e => (string?)e));
        Assert.Empty(_emulator.Received);
    }

    [Fact]
    public async Task A_request_of_512000_bytes_or_more_is_rejected()
    {
        var big = Trigger();
        big["payload"]!["custom_details"] = new JsonObject { ["pad"] = new string('x', 512_000) };

        var (status, body) = await Post(big.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("maximum is 511999", (string?)body!["errors"]![0]);
    }

    [Fact]
    public async Task Past_the_rate_limit_a_routing_key_is_throttled_until_its_60_second_window_slides()
    {
        _emulator.RateLimitPerMinute = 3;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await Post(Trigger($"k{i}").ToJsonString())).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(Trigger("k3").ToJsonString())).Status);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Accepted, (await Post(Trigger("k3").ToJsonString())).Status);
    }

    [Fact]
    public async Task Faults_on_demand_429_500_and_a_closed_connection()
    {
        _emulator.FailNext(1, EmulatorFault.Throttle);
        _emulator.FailNext(1, EmulatorFault.ServerError);
        _emulator.FailNext(1, EmulatorFault.Close);
        _emulator.RetryAfter = TimeSpan.FromSeconds(7);

        using (var throttled = await _http.PostAsync(_emulator.Endpoint, new StringContent(Trigger().ToJsonString())))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        }
        Assert.Equal(HttpStatusCode.InternalServerError, (await Post(Trigger().ToJsonString())).Status);
        await Assert.ThrowsAsync<HttpRequestException>(() => Post(Trigger().ToJsonString()));
        Assert.Equal(HttpStatusCode.Accepted, (await Post(Trigger().ToJsonString())).Status);
        Assert.Single(_emulator.Received);
    }

    [Fact]
    public async Task A_hung_request_is_never_answered_until_the_fault_is_lifted()
    {
        _emulator.Fault = EmulatorFault.Hang;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.PostAsync(_emulator.Endpoint, new StringContent(Trigger().ToJsonString()), cts.Token));

        _emulator.Fault = EmulatorFault.None;
        Assert.Equal(HttpStatusCode.Accepted, (await Post(Trigger().ToJsonString())).Status);
    }

    [Fact]
    public async Task Accepted_runs_once_the_event_is_recorded_and_before_the_202_is_written()
    {
        using var release = new ManualResetEventSlim();
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recordedWhenRaised = false;
        _emulator.Accepted += e =>
        {
            recordedWhenRaised = _emulator.OpenAlerts.Any(a => a.DedupKey == e.DedupKey);
            raised.SetResult();
            release.Wait(TimeSpan.FromSeconds(10));
        };

        var post = Post(Trigger().ToJsonString());
        await raised.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Real time on purpose: a 202 written before the hook returns would reach the client well within this.
        await Task.WhenAny(post, Task.Delay(200));
        Assert.False(post.IsCompleted, "the 202 was written before the hook returned");
        release.Set();

        Assert.Equal(HttpStatusCode.Accepted, (await post).Status);
        Assert.True(recordedWhenRaised);
    }
}
