using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>Hands Kestrel the status endpoint's own listener (<see cref="StatusConnectionListener"/>).</summary>
internal sealed class StatusConnectionListenerFactory(TimeProvider time, ILoggerFactory loggers) : IConnectionListenerFactory
{
    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        endpoint is IPEndPoint ip
            ? ValueTask.FromResult<IConnectionListener>(StatusConnectionListener.Bind(ip, time, loggers))
            : throw new NotSupportedException($"the status endpoint listens on an IP address and port, not {endpoint}");
}
