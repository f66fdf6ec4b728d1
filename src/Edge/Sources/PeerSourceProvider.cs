using Edge.Configuration;
using Edge.Core.Sources;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>The configured peers, each watched as a source.</summary>
public sealed class PeerSourceProvider(WatchHttp http, TimeProvider time) : ISourceProvider
{
    public IEnumerable<IReadingSource> Create(EdgeConfig config) => config.Peers.Select(p => new PeerSource(p, http.Client, time));
}
