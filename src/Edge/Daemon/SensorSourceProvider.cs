using Edge.Configuration;
using Edge.Core.Sources;
using Edge.Sensors;

namespace Edge.Daemon;

/// <summary>The configured local sensors.</summary>
public sealed class SensorSourceProvider(TimeProvider time) : ISourceProvider
{
    public IEnumerable<IReadingSource> Create(EdgeConfig config) => config.Sensors.Select(s => SensorFactory.Create(s, time));
}
