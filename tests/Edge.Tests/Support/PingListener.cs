using System.Net;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Support;

/// <summary>A dead-man's-switch service on loopback: answers 200 to every request and counts those to one path.</summary>
public sealed class PingListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _pings;

    public PingListener(string path)
    {
        Port = FreePort.Tcp();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                if (context.Request.Url!.AbsolutePath == path)
                    Interlocked.Increment(ref _pings);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
    }

    public int Port { get; }
    public int Pings => Volatile.Read(ref _pings);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => _serving);
        _listener.Close();
    }
}
