using System.Net;
using System.Net.Sockets;

namespace Edge.Testing;

/// <summary>
/// A port on 127.0.0.1 that the kernel just gave out and took back, for a child process or an agent to bind: free at
/// the moment of asking. A caller that can lose the race to another test retries with a new one.
/// </summary>
public static class FreePort
{
    public static int Tcp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static int Udp()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
