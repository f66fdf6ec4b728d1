using System.Diagnostics;

namespace Edge.Testing;

/// <summary>Runs a system tool (systemd-analyze, dpkg-deb, snmptrap, ...) with a time limit and captures what it prints.</summary>
public static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <param name="prepare">Sets what else the tool needs before it starts (its environment).</param>
    /// <param name="input">Typed on its standard input, which is then closed; null: no standard input.</param>
    public static async Task<Result> RunAsync(string file, TimeSpan limit, IEnumerable<string> args, string? workingDirectory = null, Action<ProcessStartInfo>? prepare = null, string? input = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        prepare?.Invoke(start);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {limit}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
