using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Edge.Snmp.Client;

namespace Edge.Snmp.Tests.Client;

/// <summary>The receive thread outlives anything a datagram does to its handler.</summary>
public sealed class UdpTransportTests
{
    [Fact]
    public async Task A_handler_that_throws_is_counted_and_the_next_datagram_is_still_received()
    {
        var handler = new ThrowingOnce();
        await using var transport = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), handler);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        await sender.SendToAsync(new byte[] { 1 }, transport.LocalEndPoint);
        await sender.SendToAsync(new byte[] { 2 }, transport.LocalEndPoint);

        var clock = Stopwatch.StartNew();
        while (handler.Handled.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.Equal([(byte)2], handler.Handled.ToArray());
        Assert.Equal(1, transport.HandlerFaults);
    }

    private sealed class ThrowingOnce : IDatagramHandler
    {
        public ConcurrentQueue<byte> Handled { get; } = new();

        public void OnDatagram(Span<byte> datagram, SocketAddress from)
        {
            if (datagram[0] == 1)
                throw new InvalidOperationException("a handler bug");
            Handled.Enqueue(datagram[0]);
        }
    }
}
