// Detection latency of the real daemon: a UPS served by snmpsimd from a real recording (generex-ups_cs141, UPS-MIB)
// whose upsOutputSource is writable (snmpsim's writecache variation), `edge run` with default clock settings polling
// it and listening for its traps, and the PagerDuty emulator on loopback. Each run: snmpset upsOutputSource to
// battery(5), then snmptrap upsTrapOnBattery to Edge (mode "trap") or nothing (mode "poll"), and the time until the
// emulator accepts the trigger (202); then back to bypass(4), the recorded value, and the same for the resolve.
//
// Usage: Edge.Bench.Latency EDGE_BINARY trap|poll RUNS [POLL_INTERVAL] [--no-resolve-wait]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Edge.Emulators.PagerDuty;

var edgeBinary = Path.GetFullPath(args[0]);
var withTrap = args[1] == "trap";
var runs = int.Parse(args[2], CultureInfo.InvariantCulture);
var interval = args.Length > 3 && !args[3].StartsWith("--", StringComparison.Ordinal) ? args[3] : withTrap ? "1h" : "5s";
var waitForResolve = !args.Contains("--no-resolve-wait");
var pollSeconds = interval.EndsWith('s') ? double.Parse(interval[..^1], CultureInfo.InvariantCulture) : 0;
const string Community = "generex-ups_cs141";
const string Key = "BENCHkey0123456789abcdefABCDEF01";
const string OutputSource = "1.3.6.1.2.1.33.1.4.1.0";
const string OnBatteryTrap = "1.3.6.1.2.1.33.2.1"; // UPS-MIB upsTrapOnBattery (RFC 1628)

var dir = Directory.CreateTempSubdirectory("edge-latency-").FullName;
var data = Directory.CreateDirectory(Path.Combine(dir, "data")).FullName;
var cache = Directory.CreateDirectory(Path.Combine(dir, "cache")).FullName;
var recording = File.ReadAllLines("/work/shared/fixtures/snmprec/generex-ups_cs141.snmprec")
    .Select(l => l.StartsWith(OutputSource + "|", StringComparison.Ordinal) ? $"{OutputSource}|2:writecache|value={l.Split('|')[2]}" : l);
File.WriteAllLines(Path.Combine(data, Community + ".snmprec"), recording);
var snmpPort = FreeUdpPort();
var trapPort = FreeUdpPort();
var processes = new List<Process>();
try
{
    // snmpsimd refuses to run as root: it drops to nobody, who must read the data and write the index cache.
    foreach (var d in new[] { dir, data, cache })
        File.SetUnixFileMode(d, (UnixFileMode)0b111_111_111);
    File.SetUnixFileMode(Path.Combine(data, Community + ".snmprec"), (UnixFileMode)0b110_100_100);
    processes.Add(Start("snmpsimd", null, $"--data-dir={data}", $"--cache-dir={cache}", $"--agent-udpv4-endpoint=127.0.0.1:{snmpPort}",
        "--process-user=nobody", "--process-group=nogroup", $"--logging-method=file:{Path.Combine(cache, "snmpsimd.log")}"));
    for (var i = 0; i < 100 && Run("snmpget", "-v2c", "-c", Community, "-t", "0.3", "-r", "0", $"127.0.0.1:{snmpPort}", OutputSource).Code != 0; i++)
        await Task.Delay(300);

    await using var emulator = new PagerDutyEmulator().Start();
    var accepted = new List<(string Action, long At)>();
    emulator.Accepted += e =>
    {
        lock (accepted)
            accepted.Add((e.Action, Stopwatch.GetTimestamp()));
    };
    var config = Path.Combine(dir, "edge.json");
    // Default clock settings: no "clock" key, so Edge asks the kernel (adjtimex) whether the clock is synchronized.
    File.WriteAllText(config, $$"""
        {
          "appliance": { "id": "bench" },
          "stateDir": "{{dir}}/state",
          "status": { "listen": "none" },
          "pagerduty": { "connector": "{{emulator.Endpoint}}", "routingKey": "{{Key}}" },
          "snmp": [ { "id": "ups-1", "host": "127.0.0.1:{{snmpPort}}", "community": "{{Community}}", "interval": "{{interval}}", "timeout": "1s", "retries": 1 } ],
          "snmpTraps": { "listen": "127.0.0.1:{{trapPort}}" },
          "rules": [ { "id": "ups-on-battery", "type": "ups", "metric": "output_source", "state": "battery", "severity": "critical" } ]
        }
        """);
    var log = new List<string>();
    processes.Add(Start(edgeBinary, log, "run", "--config", config));
    await WaitFor(() => Has(log, "SNMP device ups-1 at"), TimeSpan.FromSeconds(60), "the first poll of ups-1");
    Console.WriteLine($"edge {edgeBinary}; mode {(withTrap ? "trap" : "poll")}, interval {interval}");

    var triggers = new List<double>();
    var resolves = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        triggers.Add(await Measure("5", "trigger"));
        if (waitForResolve)
            resolves.Add(await Measure("4", "resolve"));
        else
        {
            Set("4");
            Trap();
            await WaitFor(() => Has(log, "Alert Resolve"), TimeSpan.FromMinutes(2), "the resolve committed");
            lock (log)
                log.RemoveAll(l => l.Contains("Alert Resolve", StringComparison.Ordinal));
        }
        Console.WriteLine($"run {run,2}: trigger {triggers[^1]:0.000} s" + (waitForResolve ? $", resolve {resolves[^1]:0.000} s" : ""));
    }
    Summary("trigger", triggers);
    if (waitForResolve)
        Summary("resolve", resolves);

    async Task<double> Measure(string source, string action)
    {
        // A trap brings a poll forward at most once a second per device (docs/snmp.md): each change is made more than
        // a second after the last poll, so what is measured is the delivery path, not that rate limit. Without traps
        // the change lands at a random point of the poll cycle (else every run would meet the same phase of it).
        await Task.Delay(TimeSpan.FromSeconds(1.2 + (withTrap ? 0 : Random.Shared.NextDouble() * pollSeconds)));
        int before;
        lock (accepted)
            before = accepted.Count(a => a.Action == action);
        Set(source);
        var t0 = Stopwatch.GetTimestamp();
        if (withTrap)
            Trap();
        await WaitFor(() =>
        {
            lock (accepted)
                return accepted.Count(a => a.Action == action) > before;
        }, TimeSpan.FromMinutes(5), $"the {action} at the emulator");
        lock (accepted)
            return Stopwatch.GetElapsedTime(t0, accepted.Last(a => a.Action == action).At).TotalSeconds;
    }

    void Set(string value)
    {
        var set = Run("snmpset", "-v2c", "-c", Community, $"127.0.0.1:{snmpPort}", OutputSource, "i", value);
        if (set.Code != 0)
            throw new InvalidOperationException("snmpset failed: " + set.Output);
    }

    void Trap()
    {
        var trap = Run("snmptrap", "-v", "2c", "-c", Community, $"udp:127.0.0.1:{trapPort}", "", OnBatteryTrap);
        if (trap.Code != 0)
            throw new InvalidOperationException("snmptrap failed: " + trap.Output);
    }
}
finally
{
    foreach (var p in processes)
    {
        if (!p.HasExited)
            p.Kill(); // only the processes this run started, by their id
        p.WaitForExit(10_000);
        p.Dispose();
    }
    Directory.Delete(dir, recursive: true);
}

static void Summary(string what, List<double> seconds)
{
    var sorted = seconds.Order().ToList();
    // Nearest-rank percentiles: p50 is the ceil(0.5 n)-th, p99 the ceil(0.99 n)-th value (the largest for n ≤ 100).
    double Rank(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: n={sorted.Count} min={sorted[0]:0.000} s p50={Rank(0.50):0.000} s p99={Rank(0.99):0.000} s max={sorted[^1]:0.000} s"));
}

static bool Has(List<string> log, string text)
{
    lock (log)
        return log.Any(l => l.Contains(text, StringComparison.Ordinal));
}

static async Task WaitFor(Func<bool> done, TimeSpan limit, string what)
{
    // Polled every 2 ms: the resolution of the figures, far below what is measured.
    var clock = Stopwatch.StartNew();
    while (!done())
    {
        if (clock.Elapsed > limit)
            throw new TimeoutException($"no {what} within {limit}");
        await Task.Delay(2);
    }
}

static Process Start(string file, List<string>? log, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments)
        info.ArgumentList.Add(a);
    var p = Process.Start(info)!;
    p.OutputDataReceived += (_, e) => Keep(log, e.Data);
    p.ErrorDataReceived += (_, e) => Keep(log, e.Data);
    p.BeginOutputReadLine();
    p.BeginErrorReadLine();
    return p;
}

static void Keep(List<string>? log, string? line)
{
    if (log is null || line is null)
        return;
    lock (log)
        log.Add(line);
}

static (int Code, string Output) Run(string file, params string[] arguments)
{
    var output = new List<string>();
    using var p = Start(file, output, arguments);
    if (!p.WaitForExit(30_000))
        p.Kill();
    p.WaitForExit();
    lock (output)
        return (p.ExitCode, string.Join('\n', output));
}

static int FreeUdpPort()
{
    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)probe.LocalEndPoint!).Port;
}
