using System.Diagnostics;

namespace Edge.Tests.Support;

/// <summary>Runs the real <c>edge</c> program built next to the tests, with a time limit.</summary>
public static class EdgeProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "edge");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"edge {string.Join(' ', args)} did not finish within {limit}; stdout so far: {await stdout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
