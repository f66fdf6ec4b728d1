using System.Diagnostics;
using System.Net;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;

namespace Edge.Testing.Snmpsim;

/// <summary>
/// snmpsimd (apt package snmpsim, spec/snmpsim.md) serving a temporary copy of the recordings on 127.0.0.1 at a free
/// high port; the community is the recording's name. Started by the test, stopped by its process id, its temp folder
/// removed. Root must hand the process to nobody:nogroup (snmpsimd refuses to run as root).
/// </summary>
public sealed class SnmpSimulator : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDir _dir;

    private SnmpSimulator(Process process, TempDir dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public static string? Executable { get; } = FindOnPath("snmpsimd");

    /// <summary>Why the end-to-end tests cannot run here, or null when they can.</summary>
    public static string? Unavailable =>
        Recordings.Folder is null ? Recordings.SkipReason
        : Executable is null ? "snmpsimd is not installed (apt-get install snmpsim; test.sh installs it)"
        : null;

    /// <summary>Starts snmpsimd and returns once it answers a GET (bounded: about 30 s), or throws with its log.</summary>
    public static async Task<SnmpSimulator> StartAsync(int? port = null)
    {
        var temp = new TempDir();
        var dir = temp.Path;
        var data = Directory.CreateDirectory(Path.Combine(dir, "data")).FullName;
        var cache = Directory.CreateDirectory(Path.Combine(dir, "cache")).FullName;
        foreach (var file in Recordings.Files())
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        var root = Environment.UserName == "root";
        if (root && !OperatingSystem.IsWindows())
        {
            // Drop-to user nobody must read the data and write the index cache.
            const UnixFileMode open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(dir, open);
            File.SetUnixFileMode(data, open);
            File.SetUnixFileMode(cache, open | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite);
            foreach (var file in Directory.GetFiles(data))
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var chosen = port ?? FreePort.Udp();
        var log = Path.Combine(dir, "snmpsimd.log");
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"--data-dir={data}", $"--cache-dir={cache}", $"--agent-udpv4-endpoint=127.0.0.1:{chosen}", $"--logging-method=file:{log}" })
            start.ArgumentList.Add(arg);
        if (root && !OperatingSystem.IsWindows())
        {
            start.ArgumentList.Add("--process-user=nobody");
            start.ArgumentList.Add("--process-group=nogroup");
            File.WriteAllText(log, "");
            File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var simulator = new SnmpSimulator(process, temp, chosen);

        await using var client = new SnmpClient(TimeProvider.System);
        var target = new SnmpTarget(simulator.EndPoint, SnmpVersion.V2c, "generex-ups_cs141", Timeout: TimeSpan.FromMilliseconds(500), Retries: 0);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (process.HasExited)
                break;
            var answer = await client.GetAsync(target, [Oid.Parse("1.3.6.1.2.1.1.2.0")], CancellationToken.None);
            if (answer.Ok)
                return simulator;
        }
        var text = File.Exists(log) ? File.ReadAllText(log) : "(no log)";
        await simulator.DisposeAsync();
        throw new InvalidOperationException($"snmpsimd did not answer on 127.0.0.1:{chosen} within 30 s (exited: {process.HasExited}); log:\n{text}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(); // this process only, by its id
                using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(bounded.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
        _dir.Dispose();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
