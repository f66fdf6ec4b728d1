using System.Diagnostics;
using System.Text;

namespace Edge.Tests.Support;

/// <summary>
/// The real <c>edge</c> program (the host project's build output, beside the tests) in a child process: a command run
/// to its end with a time limit, or a daemon that can be killed with SIGKILL like a power cut kills it. Every launch
/// goes through here, so each sees the same environment.
/// </summary>
public sealed class EdgeProcess : IDisposable
{
    private readonly Process _process;

    private EdgeProcess(Process process) => _process = process;

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "edge");

    /// <summary>Runs a command to its end within <paramref name="limit"/>; stdout and stderr kept apart.</summary>
    public static Task<Tool.Result> RunAsync(TimeSpan limit, params string[] args) => RunAsync(limit, args, _ => { });

    /// <param name="prepare">What else this run needs before it starts (its environment).</param>
    /// <param name="input">Typed on its standard input, which is then closed; null: no standard input.</param>
    public static Task<Tool.Result> RunAsync(TimeSpan limit, IEnumerable<string> args, Action<ProcessStartInfo> prepare, string? input = null) =>
        Tool.RunAsync(Executable, limit, args, prepare: info => { Isolate(info); prepare(info); }, input: input);

    /// <summary>
    /// Runs a command to its end (bounded) and returns its exit code and what it printed; that output is also appended
    /// to <paramref name="output"/>, the log a test checks for secrets.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(StringBuilder output, params string[] args)
    {
        var own = new StringBuilder();
        using var p = Start(own, args);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p._process.WaitForExitAsync(cts.Token);
        p._process.WaitForExit();
        lock (output)
            output.Append(own);
        return (p._process.ExitCode, own.ToString());
    }

    /// <summary>Starts <c>edge</c>; every line it prints (stdout and stderr) is appended to <paramref name="output"/>.</summary>
    public static EdgeProcess Start(StringBuilder output, params string[] args) => Start(output, args, _ => { });

    /// <param name="prepare">What else this process needs before it starts (its environment, as systemd sets NOTIFY_SOCKET).</param>
    public static EdgeProcess Start(StringBuilder output, IEnumerable<string> args, Action<ProcessStartInfo> prepare)
    {
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        Isolate(info);
        prepare(info);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new EdgeProcess(process);
    }

    /// <summary>
    /// The child runs with the GC the daemon has on the Pi (workstation, the runtime's default), whatever the test
    /// runner's environment asks for, and never sees the routing key of a systemd unit that runs the tests: each test's
    /// configuration says where its key is.
    /// </summary>
    public static void Isolate(ProcessStartInfo info)
    {
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment.Remove("CREDENTIALS_DIRECTORY");
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// SIGKILL: no handler runs, nothing is flushed; only what SQLite committed survives. Returns once it has exited
    /// and every line it printed is in the output (the unbounded WaitForExit is the one that waits for the pipes).
    /// </summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill();
        if (_process.WaitForExit(10_000))
            _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
