using System.Runtime.InteropServices;
using Edge.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// Reloads the configuration when its file changes (editors replace it, so the directory is watched) and on SIGHUP
/// (<c>systemctl reload edge</c>). A bad edit is rejected as a whole and logged with every problem; the daemon keeps
/// running on its last good configuration.
/// </summary>
public sealed class ConfigWatcher(ConfigState state, TimeProvider time, ILogger<ConfigWatcher> logger) : BackgroundService
{
    // Editors write a file in several steps; wait for the writes to settle before reading it.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly SemaphoreSlim _poke = new(0);
    private readonly string _path = Path.GetFullPath(state.Current.FilePath);
    private PosixSignalRegistration? _hangup;
    private FileSystemWatcher? _watcher;

    // The watch is set up before the host reports "started" (.NET 10 runs ExecuteAsync on the thread pool, so
    // anything set up there could miss an edit made right after start).
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Poke();
        });
        _watcher = Watch(_path);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _poke.WaitAsync(stoppingToken);
                await Task.Delay(Settle, time, stoppingToken);
                while (_poke.CurrentCount > 0)
                    await _poke.WaitAsync(stoppingToken);
                Reload(_path);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _hangup?.Dispose();
        base.Dispose();
    }

    /// <summary>Checks the file again now (what SIGHUP and a file change do).</summary>
    public void Poke() => _poke.Release();

    private void Reload(string path)
    {
        // The state directory holds the open database: it stays what the daemon started with until a restart.
        var result = EdgeConfigLoader.Load(path, state.Current.StateDir);
        var now = time.GetUtcNow();
        if (!result.IsValid)
        {
            state.Reject(result.Problems, now);
            Log.ConfigRejected(logger, path, result.Problems.Count);
            foreach (var problem in result.Problems)
                Log.ConfigProblem(logger, problem.ToString());
            return;
        }
        state.Apply(result.Config!, now);
        Log.ConfigApplied(logger, path, result.Config!.Monitor.Rules.Count, state.Generation);
    }

    private FileSystemWatcher? Watch(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (directory is null || !File.Exists(path))
            return null;
        var watcher = new FileSystemWatcher(directory, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Poke();
        watcher.Created += (_, _) => Poke();
        watcher.Renamed += (_, _) => Poke();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
