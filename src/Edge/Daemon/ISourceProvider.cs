using Edge.Configuration;
using Edge.Core.Sources;

namespace Edge.Daemon;

/// <summary>Makes the sources one kind of configuration section asks for; called again on every reload.</summary>
public interface ISourceProvider
{
    IEnumerable<IReadingSource> Create(EdgeConfig config);
}
