using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;
namespace Edge.Status;

/// <summary>
/// What a client of the status endpoint may take. The endpoint is reachable from the management LAN when bound there
/// (peers watch each other), so every limit assumes a hostile client: nothing it does may cost the daemon its file
/// descriptors, its memory or its pipeline. The legitimate clients are few and small: Prometheus (one connection, one
/// GET a scrape), a watching peer (one GET every 30 s), <c>edge status</c> on the box.
/// </summary>
public static class StatusLimits
{
    /// <summary>
    /// Open connections at once, all clients together: 64 of the unit's 1,024 descriptors (the budget is in
    /// systemd/edge.service). Kestrel closes a connection over the limit as soon as it is accepted.
    /// </summary>
    public const int MaxConnections = 64;

    /// <summary>
    /// Open connections from one client address. Without it one host holding <see cref="MaxConnections"/> idle
    /// connections would shut every other client out (a slowloris); with it one host gets an eighth of the endpoint and
    /// Prometheus, a peer or <c>edge status</c> from elsewhere still get in. Eight is more than any honest client opens.
    /// </summary>
    public const int MaxConnectionsPerClient = 8;

    /// <summary>
    /// From accepting a connection (or finishing the previous response) to the last request header. A real client
    /// sends its few hundred bytes of headers in one segment; a slowloris trickles them to hold the connection.
    /// Kestrel checks it once a second, so a connection is closed within this and one second more.
    /// </summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(5);

    /// <summary>An idle keep-alive connection. Prometheus scrapes every 15 s or more, so reuse past this buys nothing.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(5);

    /// <summary><c>GET /metrics HTTP/1.1</c> is 22 bytes; a request line longer than this is refused with 414.</summary>
    public const int MaxRequestLineBytes = 1024;

    /// <summary>All request headers together; more is refused with 431. curl, Prometheus and HttpClient send under 1 KiB.</summary>
    public const int MaxRequestHeadersBytes = 8 * 1024;

    /// <summary>Request headers; more is refused with 431.</summary>
    public const int MaxRequestHeaderCount = 32;

    /// <summary>GET and HEAD carry no body: a request that announces one is refused with 413 before any of it is read.</summary>
    public const long MaxRequestBodyBytes = 0;

    /// <summary>
    /// Bytes buffered per connection before Kestrel stops reading from the socket: a whole request line and header
    /// block fits, so 64 connections hold at most 1 MiB. (Kestrel requires it to be at least the header limit.)
    /// </summary>
    public const int MaxRequestBufferBytes = 16 * 1024;

    /// <summary>After this many failed accepts in a row (descriptors exhausted), how long the listener waits before the next.</summary>
    public static readonly TimeSpan AcceptBackoff = TimeSpan.FromMilliseconds(200);
}
