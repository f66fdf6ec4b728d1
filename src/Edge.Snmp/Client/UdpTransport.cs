using System.Net;
using System.Net.Sockets;

namespace Edge.Snmp.Client;

/// <summary>
/// One UDP socket and its single receive loop. Datagrams are handed to <see cref="IDatagramHandler"/> on the loop
/// in a buffer that is reused for the next one, so the handler must finish with the bytes before it returns. The
/// loop never ends on a bad datagram or a transient socket error; it ends when the transport is disposed.
/// </summary>
internal sealed class UdpTransport : IAsyncDisposable
{
    /// <summary>The largest UDP payload; anything larger cannot arrive, so the buffer is allocated once at this size.</summary>
    private const int MaxDatagram = 65_536;

    private readonly Socket _socket;
    private readonly IDatagramHandler _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpTransport(IPEndPoint bind, IDatagramHandler handler)
    {
        _handler = handler;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
            _socket.DualMode = false;
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(ReceiveLoopAsync);
    }

    public IPEndPoint LocalEndPoint { get; }

    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, SocketAddress to, CancellationToken ct) =>
        _socket.SendToAsync(datagram, SocketFlags.None, to, ct);

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var from = new SocketAddress(_socket.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors (connection reset/refused) surface here on some platforms; they concern one peer, not the socket.
                continue;
            }
            _handler.OnDatagram(buffer.AsSpan(0, n), from);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
