using Edge.Configuration;
using Edge.Core.Sources;
using Edge.Inventory;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>The Device42 appliance, when one is configured; its prohibited-software findings are kept in the state directory.</summary>
public sealed class InventorySourceProvider(TimeProvider time, ILogger<Device42Source> logger) : ISourceProvider
{
    public IEnumerable<IReadingSource> Create(EdgeConfig config) => config.Device42 is { } device42
        ? [new Device42Source(device42, time, logger, Path.Combine(config.StateDir, "device42-findings.txt"))]
        : [];
}
