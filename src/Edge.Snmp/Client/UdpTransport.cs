using System.Net;
using System.Net.Sockets;

namespace Edge.Snmp.Client;

/// <summary>
/// One UDP socket and the one thread that receives on it. Datagrams are handed to <see cref="IDatagramHandler"/> on
/// that thread in a buffer that is reused for the next one, so the handler must finish with the bytes before it
/// returns. The loop never ends on a bad datagram or a transient socket error; it ends when the transport is disposed.
/// </summary>
/// <remarks>
/// A dedicated thread blocked in <c>recvfrom</c> rather than an async receive loop: an async receive is woken by the
/// socket engine's epoll thread, which hands it to a thread-pool worker, which hands the completed request to another:
/// three thread switches per response where this takes one, and a walk is a thousand responses in a row (perf on the
/// NativeAOT build: with the async loop, thread switches are most of a walk's CPU; bench/RESULTS.md, SNMP). One
/// thread per socket, not per device.
/// Sends are synchronous for the same reason: a UDP send does not wait for the network, only for buffer space.
/// </remarks>
internal sealed class UdpTransport : IAsyncDisposable
{
    /// <summary>The largest UDP payload; anything larger cannot arrive, so the buffer is allocated once at this size.</summary>
    private const int MaxDatagram = 65_536;

    /// <summary>
    /// SO_RCVBUF asked for: a poll round sends to every device at once, and their answers (up to ~1.5 KB each, about
    /// 4 KB of kernel memory per datagram on loopback, 2 KB on Ethernet) arrive together. The default 208 KiB holds
    /// about 50 of them; 100 devices answering while the thread decodes v3 would overflow it and cost a timeout and
    /// a retry. The kernel caps the request at net.core.rmem_max (×2), which is enough for 100 devices at its default.
    /// </summary>
    private const int ReceiveBufferBytes = 1 << 20;

    private readonly Socket _socket;
    private readonly IDatagramHandler _handler;
    private readonly Thread _loop;
    private volatile bool _stopping;
    private long _handlerFaults;

    public UdpTransport(IPEndPoint bind, IDatagramHandler handler)
    {
        _handler = handler;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (bind.AddressFamily == AddressFamily.InterNetworkV6)
                _socket.DualMode = false;
            _socket.ReceiveBufferSize = ReceiveBufferBytes;
            _socket.Bind(bind);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = new Thread(ReceiveLoop) { IsBackground = true, Name = "snmp-receive" };
        _loop.Start();
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The socket's receive buffer as the kernel granted it (twice what was asked, capped by net.core.rmem_max).</summary>
    public int ReceiveBufferSize => _socket.ReceiveBufferSize;

    /// <summary>Datagrams whose handler threw (a bug, never expected): counted, and the loop goes on.</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    public void Send(ReadOnlySpan<byte> datagram, SocketAddress to) => _socket.SendTo(datagram, SocketFlags.None, to);

    private void ReceiveLoop()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var from = new SocketAddress(_socket.AddressFamily);
        while (!_stopping)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors (connection reset/refused) surface here on some platforms; they concern one peer, not
                // the socket. Disposal also ends a blocked receive with one (interrupted), and then _stopping is set.
                continue;
            }
            if (_stopping)
                return;
            try
            {
                _handler.OnDatagram(buffer.AsSpan(0, n), from);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The decoders return errors instead of throwing (fuzzed); this backstop exists because an exception
                // escaping a dedicated thread ends the process, and a packet from the network must never do that.
                Interlocked.Increment(ref _handlerFaults);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        // Closing the socket wakes the receive blocked in recvfrom (the runtime shuts it down first).
        _socket.Dispose();
        // Disposed from the receive thread itself (a walk's callback), the loop ends when that callback returns.
        if (Thread.CurrentThread != _loop)
            _loop.Join();
        return ValueTask.CompletedTask;
    }
}
