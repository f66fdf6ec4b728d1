using System.Diagnostics;
using System.Text;

namespace Edge.Tests.Delivery;

/// <summary>
/// The real <c>edge</c> binary (the host project's build output, beside the tests) run as a separate process, so it
/// can be killed with SIGKILL like a power cut kills it. Everything it prints is kept for the secrets check.
/// </summary>
public sealed class EdgeProcess : IDisposable
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "edge.dll");
    private readonly Process _process;
    private readonly StringBuilder _output;

    private EdgeProcess(Process process, StringBuilder output)
    {
        _process = process;
        _output = output;
    }

    public static EdgeProcess Start(StringBuilder output, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment.Remove("CREDENTIALS_DIRECTORY");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new EdgeProcess(process, output);
    }

    /// <summary>Runs a command to its end (bounded) and returns its exit code; its output goes to <paramref name="output"/>.</summary>
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

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no handler runs, nothing is flushed; only what SQLite committed survives.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit(10_000);
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
