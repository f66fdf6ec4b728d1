namespace Edge.Watch;

/// <summary>
/// The HTTP client of the heartbeat and peer watching, kept apart from PagerDuty's (which carries the proxy, the
/// extra CA bundle and Edge's User-Agent) so neither can take the other's place in the container.
/// </summary>
public sealed class WatchHttp : IDisposable
{
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => Client.Dispose();
}
