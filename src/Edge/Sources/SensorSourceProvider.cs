using Edge.Configuration;
using Edge.Core.Sources;
using Edge.Sensors;
using Edge.Sensors.Bus;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>The configured local sensors, sharing one reader per I2C bus.</summary>
public sealed class SensorSourceProvider(SensorBusRegistry buses, ILoggerFactory loggers, TimeProvider time) : ISourceProvider
{
    public IEnumerable<IReadingSource> Create(EdgeConfig config) => config.Sensors.Select(s => SensorFactory.Create(s, time, buses, loggers));
}
