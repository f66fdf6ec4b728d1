using Edge.Core.Readings;
using Edge.Core.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// Polls every source on its own interval; a failing source reads as unreachable, it never stops the others. Its
/// failure is logged when it starts (or its error changes) and when it ends, not on every poll.
/// When a new configuration is applied, the sources are made anew from it. <see cref="PollWakeups"/> can have a source
/// polled before its interval is up (an SNMP trap from the device).
/// </summary>
public sealed class SourcePoller(IEnumerable<ISourceProvider> providers, ConfigState config, ReadingChannel channel, PollWakeups wakeups, PollDurations durations,
    SourceProblems problems, TimeProvider time, ILogger<SourcePoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var generation = config.Generation;
            var current = config.Current;
            using var sourcesStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var sources = providers.SelectMany(p => p.Create(current)).ToList();
            var polling = Task.WhenAll(sources.Select(s => PollForeverAsync(s, sourcesStop.Token)));
            try
            {
                await config.WaitForChangeAsync(generation, stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
            await sourcesStop.CancelAsync();
            await polling;
            foreach (var source in sources)
            {
                if (source is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync();
                else if (source is IDisposable disposable)
                    disposable.Dispose();
            }
        }
    }

    private async Task PollForeverAsync(IReadingSource source, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var wakeup = wakeups.Register(source.Id);
        // The error last logged while the source keeps failing, null while it polls fine: a source that is down for a
        // day must not write a line to the SD card every poll (its writes are budgeted: one log line per event, not per
        // poll), only when it starts failing, fails otherwise, or works again.
        string? failingWith = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                wakeup.Reset();
                try
                {
                    await source.PollAsync(channel, stoppingToken);
                    problems.Record(source.Id, source.Problem);
                    if (failingWith is not null)
                        Log.PollRecovered(logger, source.Id);
                    failingWith = null;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    if (e.Message != failingWith)
                        Log.PollFailed(logger, source.Id, e.Message);
                    failingWith = e.Message;
                    problems.Record(source.Id, e.Message);
                    channel.Write(Reading.Unreachable(source.Id, time.GetUtcNow()));
                }
                durations.Record(source.Id, time.GetElapsedTime(started));
                try
                {
                    await wakeups.WaitAsync(wakeup, source.Interval, started, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            wakeups.Unregister(source.Id, wakeup);
        }
    }
}
