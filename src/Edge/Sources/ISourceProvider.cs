using Edge.Configuration;
using Edge.Core.Sources;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>Makes the sources one kind of configuration section asks for; called again on every reload.</summary>
public interface ISourceProvider
{
    IEnumerable<IReadingSource> Create(EdgeConfig config);
}
