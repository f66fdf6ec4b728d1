using System.Globalization;
using Edge.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;

namespace Edge.Systemd;

/// <summary>
/// systemd's service watchdog (<c>WatchdogSec=</c> in edge.service): sends <c>WATCHDOG=1</c> at half the interval
/// systemd asks for, but only while readings keep reaching the rule engine. A process that is alive but whose
/// pipeline has stopped (a deadlock, a starved thread pool) stops pinging, and systemd restarts it. Armed only when
/// systemd set <c>WATCHDOG_USEC</c> for this very process (sd_watchdog_enabled(3) semantics).
/// </summary>
public sealed class WatchdogService : BackgroundService
{
    /// <summary>The least time without progress that counts as a stall: a quiet minute is not a dead daemon.</summary>
    public static readonly TimeSpan MinimumStallLimit = TimeSpan.FromSeconds(30);

    private readonly ConfigState _config;
    private readonly StatusBoard _board;
    private readonly TimeProvider _time;
    private readonly ILogger<WatchdogService> _logger;
    private readonly ISystemdNotifier _notifier;
    private readonly DateTimeOffset _started;
    private bool _stalled;

    public WatchdogService(ConfigState config, StatusBoard board, TimeProvider time, ILogger<WatchdogService> logger, ISystemdNotifier notifier)
        : this(config, board, time, logger, notifier, WatchdogTimeout(Environment.GetEnvironmentVariable, Environment.ProcessId))
    {
    }

    internal WatchdogService(ConfigState config, StatusBoard board, TimeProvider time, ILogger<WatchdogService> logger, ISystemdNotifier notifier, TimeSpan? timeout)
    {
        _config = config;
        _board = board;
        _time = time;
        _logger = logger;
        _notifier = notifier;
        _started = time.GetUtcNow();
        Timeout = notifier.IsEnabled ? timeout : null;
    }

    /// <summary>systemd's watchdog timeout for this process, or null when no watchdog is asked for.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>How long the rule engine may go without a batch of readings before pings stop (for the configuration in force).</summary>
    public TimeSpan StallLimit => StallLimitFor(_config.Current);

    public long Pings { get; private set; }

    /// <summary>
    /// Every source polls at its interval, and a poll of an unreachable device still yields a reading (reachable 0)
    /// after its timeouts; three intervals of the slowest source cover one missed poll and one slow one.
    /// </summary>
    internal static TimeSpan StallLimitFor(EdgeConfig config)
    {
        var longest = config.Monitor.Sources.Count == 0 ? TimeSpan.Zero : config.Monitor.Sources.Max(s => s.Interval);
        var limit = 3 * longest;
        return limit > MinimumStallLimit ? limit : MinimumStallLimit;
    }

    /// <summary>sd_watchdog_enabled(3): WATCHDOG_USEC, and WATCHDOG_PID if set must be this process.</summary>
    internal static TimeSpan? WatchdogTimeout(Func<string, string?> environment, int processId)
    {
        if (!long.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
            return null;
        if (environment("WATCHDOG_PID") is { Length: > 0 } pid && pid != processId.ToString(CultureInfo.InvariantCulture))
            return null;
        return TimeSpan.FromMicroseconds(usec);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Timeout is not { } timeout)
            return;
        var every = timeout / 2;
        Log.WatchdogArmed(_logger, timeout.TotalSeconds, every.TotalSeconds, StallLimit.TotalSeconds);
        using var timer = new PeriodicTimer(every, _time);
        try
        {
            do
                Tick();
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One watchdog period: ping if the pipeline made progress within the stall limit.</summary>
    internal void Tick()
    {
        var now = _time.GetUtcNow();
        var taken = _board.Current.Taken;
        var lastProgress = taken > _started ? taken : _started;
        var quiet = now - lastProgress;
        if (quiet <= StallLimit)
        {
            if (_stalled)
            {
                _stalled = false;
                Log.WatchdogResumed(_logger);
            }
            _notifier.Notify(new ServiceState("WATCHDOG=1"));
            Pings++;
        }
        else if (!_stalled)
        {
            _stalled = true;
            Log.PipelineStalled(_logger, quiet.TotalSeconds);
        }
    }
}
