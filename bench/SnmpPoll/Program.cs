using System.Diagnostics;
using System.Globalization;
using System.Net;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

// usage: SnmpPoll PORT DEVICES ROUNDS [v2c|v3]
// Each "device" is one community (v2c) of the same snmpd, polled like a PDU profile poll: a GET of 6 scalars and a
// walk of ifTable (about 90 varbinds). All devices are polled concurrently; a round ends when every device answered.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var devices = int.Parse(args[1], CultureInfo.InvariantCulture);
var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var v3 = args.Length > 3 && args[3] == "v3";
var endPoint = new IPEndPoint(IPAddress.Loopback, port);
var targets = Enumerable.Range(1, devices).Select(i => v3
    ? new SnmpTarget(endPoint, SnmpVersion.V3, Usm: new UsmCredentials("bench", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123"), Timeout: TimeSpan.FromSeconds(2))
    : new SnmpTarget(endPoint, SnmpVersion.V2c, $"dev{i:000}", Timeout: TimeSpan.FromSeconds(2))).ToArray();
Oid[] scalars = [.. new[] { "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.1.0", "1.3.6.1.2.1.1.7.0" }.Select(Oid.Parse)];
var table = Oid.Parse("1.3.6.1.2.1.2.2");

await using var client = new SnmpClient(TimeProvider.System);
var process = Process.GetCurrentProcess();
var walls = new List<double>();
var cpus = new List<double>();
var varbinds = 0;
var gcs = 0;
var rcvbufErrors0 = RcvbufErrors();
for (var round = -3; round < rounds; round++)
{
    process.Refresh();
    var cpu0 = process.TotalProcessorTime;
    var gc0 = GC.CollectionCount(0);
    if (round == 0)
        rcvbufErrors0 = RcvbufErrors();
    var wall = Stopwatch.StartNew();
    var polls = targets.Select(async t =>
    {
        var get = await client.GetAsync(t, scalars, CancellationToken.None);
        var walk = await client.WalkAsync(t, table, CancellationToken.None);
        if (!get.Ok || !walk.Ok)
            throw new InvalidOperationException(get.Error?.Message ?? walk.Error?.Message);
        return get.VarBinds.Count + walk.VarBinds.Count;
    }).ToArray();
    var counts = await Task.WhenAll(polls);
    wall.Stop();
    process.Refresh();
    if (round < 0)
        continue; // warm-up: JIT, engine discovery and key localization happen once, not per round
    walls.Add(wall.Elapsed.TotalMilliseconds);
    cpus.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
    varbinds = counts.Sum();
    gcs += GC.CollectionCount(0) - gc0;
}
walls.Sort();
cpus.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{(v3 ? "v3 authPriv SHA-256/AES" : "v2c")}: {devices} devices, {varbinds} varbinds per round, {rounds} rounds: wall median {walls[rounds / 2]:0.0} ms (max {walls[^1]:0.0}), CPU median {cpus[rounds / 2]:0.0} ms (max {cpus[^1]:0.0}); {client.Retransmissions} retransmissions, {client.DiscardedDatagrams} discarded, {RcvbufErrors() - rcvbufErrors0} UDP receive-buffer drops (host-wide), {gcs} gen0 GCs over the measured rounds"));

// Udp RcvbufErrors from /proc/net/snmp: datagrams the kernel dropped because a socket's receive buffer was full.
static long RcvbufErrors()
{
    var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).ToArray();
    var column = Array.IndexOf(lines[0].Split(' '), "RcvbufErrors");
    return long.Parse(lines[1].Split(' ')[column], CultureInfo.InvariantCulture);
}
