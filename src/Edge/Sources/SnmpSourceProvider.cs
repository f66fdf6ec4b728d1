using Edge.Configuration;
using Edge.Core.Sources;
using Edge.Snmp.Client;
using Edge.Snmp.Polling;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>The configured SNMP devices, all polled through one shared client: one socket per address family, no thread per device.</summary>
public sealed class SnmpSourceProvider(SnmpClient client, TimeProvider time, ILogger<SnmpDeviceSource> logger) : ISourceProvider
{
    public IEnumerable<IReadingSource> Create(EdgeConfig config) => config.Snmp.Select(d => new SnmpDeviceSource(d, client, time, logger));
}
