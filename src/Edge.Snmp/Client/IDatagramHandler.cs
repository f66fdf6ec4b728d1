using System.Net;

namespace Edge.Snmp.Client;

/// <summary>Receives each datagram on the transport's loop; the bytes are valid only during the call.</summary>
internal interface IDatagramHandler
{
    void OnDatagram(Span<byte> datagram, SocketAddress from);
}
