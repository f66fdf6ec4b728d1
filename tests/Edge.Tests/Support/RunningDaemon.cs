using System.Diagnostics;

namespace Edge.Tests.Support;

/// <summary>The real <c>edge run</c> in a child process, its log collected line by line; killed on dispose.</summary>
public sealed class RunningDaemon : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];
    private readonly Task _reading;

    /// <param name="openFilesLimit">
    /// When given, the daemon runs under <c>ulimit -n</c> of it (soft and hard), as systemd's LimitNOFILE= runs it.
    /// </param>
    public RunningDaemon(string configPath, int? openFilesLimit = null)
    {
        var start = new ProcessStartInfo(openFilesLimit is null ? EdgeProcess.Executable : "bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (openFilesLimit is { } limit)
        {
            foreach (var arg in new[] { "-c", $"ulimit -n {limit} && exec \"$0\" \"$@\"", EdgeProcess.Executable })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in new[] { "run", "--config", configPath })
            start.ArgumentList.Add(arg);
        EdgeProcess.Isolate(start);
        _process = Process.Start(start)!;
        _reading = Task.WhenAll(Collect(_process.StandardOutput), Collect(_process.StandardError));
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
                return [.. _log];
        }
    }

    /// <summary>Waits (bounded: real process, real files) for a log line containing the text; returns it.</summary>
    public async Task<string> WaitForLine(string text, int afterIndex = 0, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (limit ?? TimeSpan.FromSeconds(20)))
        {
            var found = Log.Skip(afterIndex).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (found is not null)
                return found;
            if (_process.HasExited)
                break;
            await Task.Delay(50);
        }
        Assert.Fail($"no log line containing '{text}' (exited: {_process.HasExited}); log:\n{string.Join('\n', Log)}");
        return "";
    }

    /// <summary>Waits (bounded) until <paramref name="check"/> holds, polling it.</summary>
    public static async Task Eventually(Func<Task<bool>> check, string what, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (limit ?? TimeSpan.FromSeconds(20)))
        {
            if (await check())
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"not within the limit: {what}");
    }

    private async Task Collect(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log)
                _log.Add(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _reading;
        _process.Dispose();
    }
}
