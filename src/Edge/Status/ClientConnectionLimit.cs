using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>
/// At most <see cref="StatusLimits.MaxConnectionsPerClient"/> open connections from one address; a connection over it
/// is closed as soon as it is accepted, before a byte is read. Kestrel's own limit is for all clients together, which
/// one host holding idle connections could fill on its own.
/// </summary>
internal sealed class ClientConnectionLimit(int perClient, TimeProvider time, ILogger logger)
{
    /// <summary>At most one warning a minute, however many connections are refused: the journal is on the SD card.</summary>
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<IPAddress, int> _open = [];
    private DateTimeOffset _nextLog = DateTimeOffset.MinValue;
    private long _refused;

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var client = (connection.RemoteEndPoint as IPEndPoint)?.Address is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            : IPAddress.None;
        if (!TryOpen(client))
        {
            Refuse(client);
            return;
        }
        try
        {
            await next(connection);
        }
        finally
        {
            Close(client);
        }
    };

    private bool TryOpen(IPAddress client)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= perClient)
                return false;
            _open[client] = open + 1;
            return true;
        }
    }

    private void Close(IPAddress client)
    {
        lock (_open)
        {
            if (_open[client] == 1)
                _open.Remove(client);
            else
                _open[client]--;
        }
    }

    private void Refuse(IPAddress client)
    {
        var refused = Interlocked.Increment(ref _refused);
        var now = time.GetUtcNow();
        lock (_open)
        {
            if (now < _nextLog)
                return;
            _nextLog = now + LogEvery;
        }
        Log.StatusClientOverLimit(logger, client.ToString(), perClient, refused);
    }
}
