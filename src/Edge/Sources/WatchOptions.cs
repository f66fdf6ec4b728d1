using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;
namespace Edge.Sources;

/// <summary>A dead-man's-switch URL pinged while the pipeline makes progress (<c>heartbeat</c>).</summary>
public sealed record HeartbeatOptions(Uri Url, TimeSpan Interval);

/// <summary>Another Edge whose status endpoint this one watches (<c>peers[]</c>); its id is the entity a <c>peer-offline</c> rule sees.</summary>
public sealed record PeerOptions(string Id, Uri Url, TimeSpan Interval, TimeSpan Timeout)
{
    public Core.Configuration.SourceDescriptor Descriptor => new(Id, Core.Configuration.SourceKind.Peer, Interval, MaxSeries: 1);
}
