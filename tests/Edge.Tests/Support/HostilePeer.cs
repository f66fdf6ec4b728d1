using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.Tests.Support;

/// <summary>
/// A "peer" on loopback that accepts connections and then either never says a word (<see cref="Silent"/>) or answers
/// 200 with a JSON body that never ends (<see cref="Endless"/>, stopped after 1 GiB or on dispose).
/// </summary>
public sealed class HostilePeer : IAsyncDisposable
{
    private const long MaxBytesPerConnection = 1L << 30;
    private static readonly byte[] EndlessHead = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly bool _endless;
    private readonly Task _serving;
    private int _accepted;
    private long _sent;

    private HostilePeer(bool endless)
    {
        _endless = endless;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public static HostilePeer Silent() => new(endless: false);

    public static HostilePeer Endless() => new(endless: true);

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Body bytes the endless peer got into its sockets (the kernel's buffers included).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_clients)
                _clients.Add(client);
            Interlocked.Increment(ref _accepted);
            if (_endless)
                _ = Task.Run(() => StreamForeverAsync(client));
        }
    }

    private async Task StreamForeverAsync(TcpClient client)
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0,", 8192)));
        try
        {
            var stream = client.GetStream();
            await stream.WriteAsync(EndlessHead, _stop.Token);
            for (long sent = 0; sent < MaxBytesPerConnection; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk, _stop.Token);
                Interlocked.Add(ref _sent, chunk.Length);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up, or the test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _serving;
        lock (_clients)
        {
            foreach (var client in _clients)
                client.Dispose();
        }
        _stop.Dispose();
    }
}
