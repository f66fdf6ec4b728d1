using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;

namespace Edge.Status;

/// <summary>
/// Kestrel's socket transport with one difference: an accept that fails because the process is out of file
/// descriptors (EMFILE/ENFILE) or kernel buffers waits <see cref="StatusLimits.AcceptBackoff"/> and is logged once per
/// spell. Kestrel's own listener retries such a failure at once, so while descriptors are exhausted it spins a core and
/// starves the pipeline it shares the machine with; here the pending connections wait in the kernel's backlog instead,
/// and every other part of the daemon keeps its descriptors and its CPU.
/// </summary>
internal sealed class StatusConnectionListener : IConnectionListener
{
    /// <summary>Kestrel's default backlog: a burst of connects waits in the kernel, not in SYN retransmission.</summary>
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly SocketConnectionContextFactory _connections;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private StatusConnectionListener(Socket socket, SocketConnectionContextFactory connections, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _connections = connections;
        _time = time;
        _logger = logger;
        EndPoint = socket.LocalEndPoint!;
    }

    public EndPoint EndPoint { get; }

    public static StatusConnectionListener Bind(IPEndPoint endPoint, TimeProvider time, ILoggerFactory loggers)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.Address.Equals(IPAddress.IPv6Any))
                socket.DualMode = true;
            socket.Bind(endPoint);
            socket.Listen(Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var options = new SocketConnectionFactoryOptions { MaxReadBufferSize = StatusLimits.MaxRequestBufferBytes, WaitForDataBeforeAllocatingBuffer = true };
        var logger = loggers.CreateLogger<StatusConnectionListener>();
        return new StatusConnectionListener(socket, new SocketConnectionContextFactory(options, logger), time, logger);
    }

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var failing = false;
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(cancellationToken);
            }
            catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException
                || e is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted })
            {
                return null;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
            {
                if (!failing)
                    Log.StatusAcceptFailed(_logger, EndPoint.ToString()!, e.SocketErrorCode.ToString());
                failing = true;
                try
                {
                    await Task.Delay(StatusLimits.AcceptBackoff, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
                continue;
            }
            catch (SocketException)
            {
                // Reset by the client while it waited in the backlog: that connection only.
                continue;
            }
            if (failing)
                Log.StatusAcceptRecovered(_logger, EndPoint.ToString()!);
            accepted.NoDelay = true;
            return _connections.Create(accepted);
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _connections.Dispose();
        return ValueTask.CompletedTask;
    }
}
