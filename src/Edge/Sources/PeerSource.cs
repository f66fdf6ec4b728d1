using System.Text.Json;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>
/// Watches another Edge: its status endpoint answering with a status document means <c>reachable</c> 1, anything else
/// (refused, timeout, an error status, not a status document) 0. A <c>peer-offline</c> rule pages when it stays 0.
/// </summary>
public sealed class PeerSource(PeerOptions peer, HttpClient http, TimeProvider time) : IReadingSource
{
    private readonly Uri _status = new(peer.Url, "/status");

    public string Id => peer.Id;
    public TimeSpan Interval => peer.Interval;

    public async ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
    {
        var alive = await AnswersAsync(cancellationToken);
        sink.Write(new Reading(peer.Id, Metrics.Reachable, alive ? 1 : 0, time.GetUtcNow()));
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(peer.Timeout);
        try
        {
            using var response = await http.GetAsync(_status, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return false;
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            return document.RootElement.TryGetProperty("appliance", out _);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
