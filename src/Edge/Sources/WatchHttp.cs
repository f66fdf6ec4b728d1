using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;
namespace Edge.Sources;

/// <summary>
/// The HTTP client of the heartbeat and peer watching, kept apart from PagerDuty's (which carries the proxy, the
/// extra CA bundle and Edge's User-Agent) so neither can take the other's place in the container. Each request is
/// bounded by its caller's timeout (a peer's <c>timeout</c>, the heartbeat's 10 s); what the other end may send back is
/// bounded here, so a peer that answers forever costs a megabyte and a timeout, not the daemon's memory.
/// </summary>
public sealed class WatchHttp : IDisposable
{
    /// <summary>
    /// A status document grows with the peer's sources: 37.7 KB for 10 SNMP devices and 4 sensors (the appliance
    /// bench's configuration, bench/RESULTS.md); a heartbeat answer is a word. Over 1 MiB is not what was asked for.
    /// </summary>
    public const int MaxResponseBytes = 1024 * 1024;

    public HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        // One poll or ping at a time per peer: one connection each, so descriptors stay within the unit's budget.
        MaxConnectionsPerServer = 2,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
        MaxResponseContentBufferSize = MaxResponseBytes,
    };

    public void Dispose() => Client.Dispose();
}
