using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>
/// Kestrel's socket transport with one difference: an accept that fails because the process is out of file
/// descriptors (EMFILE/ENFILE) or kernel buffers waits <see cref="StatusLimits.AcceptBackoff"/>, and is logged at most
/// once a minute. Kestrel's own listener retries such a failure at once, so while descriptors are exhausted it spins a core and
/// starves the pipeline it shares the machine with; here the pending connections wait in the kernel's backlog instead,
/// and every other part of the daemon keeps its descriptors and its CPU.
/// <para>
/// It also accepts only while fewer than <see cref="MaxSockets"/> of its connections are open, counting those Kestrel
/// is still closing: Kestrel closes a refused connection (over a limit) asynchronously, and under a flood on a busy
/// machine the accepts outran the closes by hundreds of descriptors (559 open in the daemon at one moment of the
/// 2,000-connection test). Beyond the bound connections wait in the kernel's backlog, which costs the process nothing.
/// </para>
/// </summary>
internal sealed class StatusConnectionListener : IConnectionListener
{
    /// <summary>Kestrel's default backlog: a burst of connects waits in the kernel, not in SYN retransmission.</summary>
    private const int Backlog = 512;

    /// <summary>The connections Kestrel may hold, and as many again refused and not yet closed.</summary>
    internal const int MaxSockets = 2 * StatusLimits.MaxConnections;

    /// <summary>A flood that keeps descriptors short starts a spell every header timeout: one line a minute at most.</summary>
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    private readonly Socket _socket;
    private readonly SocketConnectionContextFactory _connections;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sockets = new(MaxSockets, MaxSockets);
    private DateTimeOffset _nextFailureLog = DateTimeOffset.MinValue;
    private bool _failureLogged;

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

    // Kestrel calls this from its one accept loop per endpoint, never twice at once.
    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Socket accepted;
            try
            {
                await _sockets.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException)
            {
                return null;
            }
            try
            {
                accepted = await _socket.AcceptAsync(cancellationToken);
            }
            catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException
                || e is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted })
            {
                _sockets.Release();
                return null;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
            {
                _sockets.Release();
                var now = _time.GetUtcNow();
                if (!_failureLogged && now >= _nextFailureLog)
                {
                    Log.StatusAcceptFailed(_logger, EndPoint.ToString()!, e.SocketErrorCode.ToString());
                    _failureLogged = true;
                    _nextFailureLog = now + LogEvery;
                }
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
                _sockets.Release();
                continue;
            }
            if (_failureLogged)
                Log.StatusAcceptRecovered(_logger, EndPoint.ToString()!);
            _failureLogged = false;
            try
            {
                accepted.NoDelay = true;
            }
            catch (SocketException)
            {
                // Reset between the accept and here. Nothing may escape this loop: Kestrel stops accepting for good.
                accepted.Dispose();
                _sockets.Release();
                continue;
            }
            var connection = _connections.Create(accepted);
            // Fired once the transport has shut the socket down and closed it, whoever ended the connection.
            connection.ConnectionClosed.Register(static sockets => ((SemaphoreSlim)sockets!).Release(), _sockets);
            return connection;
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
        // _sockets is not disposed: a connection Kestrel closes after this still releases its slot.
        return ValueTask.CompletedTask;
    }
}
