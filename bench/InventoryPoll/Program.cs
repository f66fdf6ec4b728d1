using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Inventory;
using Edge.Inventory.Configuration;
using Edge.Emulators.Device42;

// usage: InventoryPoll [POLLS]
// An inventory of 20,000 installations (200 software components, 2 of them prohibited with 20 installations each) and
// 200 IPv4 /24 subnets (150 addresses in use and 50 available in each), 50 operating systems and 50 part models,
// served by the Device42 emulator over plain HTTP on loopback with its default page limit (1000). The inventory source
// polls it with its default page size (500) through a TCP proxy that counts connections (the emulator answers one
// request per connection) and bytes each way. Written against API that both the code before and after issue 13 have,
// so bench/inventory-poll.sh runs this same file on both.
var polls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;

var inventory = new EmulatedInventory();
for (var s = 0; s < 200; s++)
    inventory.Software.Add(new EmulatedSoftware($"Package {s:000}", s < 2 ? "Prohibited" : "Managed", LicensedCount: s < 2 ? null : 200));
for (var i = 0; i < 20_000; i++)
{
    // The first 40 installations are the prohibited components' (20 each); the rest spread over the managed ones.
    var software = i < 40 ? i / 20 : 2 + (i % 198);
    inventory.Installs.Add(new EmulatedInstall($"Package {software:000}", $"host-{i % 5000:0000}"));
}
for (var n = 0; n < 200; n++)
    inventory.Subnets.Add(new EmulatedSubnet(n + 1, $"10.{n / 200}.{n % 200}.0", 24, UsedIps: 150, AvailableIps: 50));
for (var o = 0; o < 50; o++)
    inventory.OperatingSystems.Add(new EmulatedOperatingSystem($"OS {o:00}", 10, 5));
for (var p = 0; p < 50; p++)
    inventory.PartModels.Add(new EmulatedPartModel($"Part {p:00}", 20, 5));

const string user = "bench";
const string password = "bench-password";
await using var emulator = new Device42Emulator(user, password, inventory);
using var proxy = new CountingProxy(new IPEndPoint(IPAddress.Loopback, emulator.Url.Port));
var directory = Directory.CreateTempSubdirectory("edge-inventory-bench-");
try
{
    var passwordFile = Path.Combine(directory.FullName, "password");
    await File.WriteAllTextAsync(passwordFile, password);
    var options = new Device42Options(new Uri($"http://127.0.0.1:{proxy.Port}/"), user, passwordFile) { MaxPages = 1000 };
    using var source = new Device42Source(options, TimeProvider.System);
    Console.WriteLine("poll  requests  bytes to appliance  bytes from appliance  readings  reachable  wall ms");
    for (var poll = 1; poll <= polls; poll++)
    {
        var before = proxy.Snapshot();
        var sink = new CountingSink();
        var wall = Stopwatch.StartNew();
        await source.PollAsync(sink, CancellationToken.None);
        wall.Stop();
        await proxy.IdleAsync();
        var after = proxy.Snapshot();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{poll,4}  {after.Connections - before.Connections,8}  {after.Up - before.Up,18:N0}  {after.Down - before.Down,20:N0}  {sink.Count,8}  {sink.Reachable,9}  {wall.Elapsed.TotalMilliseconds,7:F0}"));
    }
}
finally
{
    directory.Delete(recursive: true);
}

internal sealed class CountingSink : IReadingSink
{
    public int Count { get; private set; }
    public double Reachable { get; private set; } = double.NaN;

    public void Write(in Reading reading)
    {
        Count++;
        if (reading.Entity == "device42" && reading.Metric == Metrics.Reachable)
            Reachable = reading.Value;
    }
}

/// <summary>Forwards each loopback connection to the emulator and counts connections and bytes each way.</summary>
internal sealed class CountingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private long _connections;
    private long _up;
    private long _down;
    private int _open;

    public CountingProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public (long Connections, long Up, long Down) Snapshot() =>
        (Interlocked.Read(ref _connections), Interlocked.Read(ref _up), Interlocked.Read(ref _down));

    /// <summary>Waits (at most 5 s) until every forwarded connection has closed, so its bytes are counted.</summary>
    public async Task IdleAsync()
    {
        for (var i = 0; i < 500 && Volatile.Read(ref _open) > 0; i++)
            await Task.Delay(10);
    }

    private async Task AcceptAsync()
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
            Interlocked.Increment(ref _connections);
            Interlocked.Increment(ref _open);
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        try
        {
            using (client)
            using (var server = new TcpClient())
            {
                await server.ConnectAsync(_target);
                var up = CopyAsync(client.GetStream(), server.GetStream(), n => Interlocked.Add(ref _up, n));
                var down = CopyAsync(server.GetStream(), client.GetStream(), n => Interlocked.Add(ref _down, n));
                await down;
                client.Client.Shutdown(SocketShutdown.Send);
                await Task.WhenAny(up, Task.Delay(1000));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, Action<long> count)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer)) > 0)
            {
                count(n);
                await to.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
