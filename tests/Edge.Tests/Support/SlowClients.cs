using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.Tests.Support;

/// <summary>
/// A slowloris: many TCP connections from one source address, each sending the start of a request and then nothing.
/// Records when each was opened and when the server closed it. Bounded: every wait ends by <c>limit</c>.
/// </summary>
public sealed class SlowClients : IDisposable
{
    private static readonly byte[] Unfinished = Encoding.ASCII.GetBytes("GET /status HTTP/1.1\r\nHost: x\r\n");

    private readonly List<Socket> _sockets = [];
    private readonly List<Task<(TimeSpan Opened, TimeSpan? Closed)>> _connections = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _limit;
    private int _open;
    private int _failedToConnect;

    public SlowClients(TimeSpan limit) => _limit = new CancellationTokenSource(limit);

    /// <summary>Connections the server has not closed yet.</summary>
    public int Open => Volatile.Read(ref _open);

    public int FailedToConnect => Volatile.Read(ref _failedToConnect);

    /// <summary>Opens <paramref name="count"/> connections, <paramref name="parallel"/> connects at a time.</summary>
    public async Task OpenAsync(IPAddress from, IPEndPoint to, int count, int parallel)
    {
        using var gate = new SemaphoreSlim(parallel);
        var connecting = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            await gate.WaitAsync(_limit.Token);
            connecting.Add(Task.Run(async () =>
            {
                try
                {
                    await ConnectOne(from, to);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(connecting);
    }

    private async Task ConnectOne(IPAddress from, IPEndPoint to)
    {
        var socket = new Socket(to.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        lock (_sockets)
            _sockets.Add(socket);
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, _limit.Token);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _failedToConnect);
            return;
        }
        var opened = _clock.Elapsed;
        Interlocked.Increment(ref _open);
        var watch = Task.Run(async () =>
        {
            try
            {
                socket.Send(Unfinished);
                var buffer = new byte[256];
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, _limit.Token) > 0)
                {
                }
            }
            catch (SocketException)
            {
                // Reset by the server: closed as well.
            }
            catch (OperationCanceledException)
            {
                return (opened, (TimeSpan?)null);
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
            return (opened, _clock.Elapsed);
        });
        lock (_connections)
            _connections.Add(watch);
    }

    /// <summary>How long each connection stayed open (null: still open when the limit ran out).</summary>
    public async Task<IReadOnlyList<TimeSpan?>> LifetimesAsync()
    {
        Task<(TimeSpan Opened, TimeSpan? Closed)>[] all;
        lock (_connections)
            all = [.. _connections];
        var ends = await Task.WhenAll(all);
        return ends.Select(e => e.Closed - e.Opened).ToList();
    }

    public void Dispose()
    {
        _limit.Cancel();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
                socket.Dispose();
        }
        _limit.Dispose();
    }
}
