using Edge.Core.Readings;
using Edge.Core.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Daemon;

/// <summary>Polls every source on its own interval; a failing source reads as unreachable, it never stops the others.</summary>
public sealed class SourcePoller(IEnumerable<IReadingSource> sources, ReadingChannel channel, TimeProvider time, ILogger<SourcePoller> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => PollForeverAsync(s, stoppingToken)));

    private async Task PollForeverAsync(IReadingSource source, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await source.PollAsync(channel, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.PollFailed(logger, source.Id, e.Message);
                channel.Write(new Reading(source.Id, Metrics.Reachable, 0, time.GetUtcNow()));
            }
            try
            {
                await Task.Delay(source.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
