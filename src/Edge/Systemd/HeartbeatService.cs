using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;

namespace Edge.Systemd;

/// <summary>
/// Edge's own death must not go unnoticed: pings a dead-man's-switch URL (healthchecks.io, Cronitor, a PagerDuty
/// heartbeat …) once per interval, but only while the pipeline is making progress — a daemon that runs but no longer
/// evaluates readings stops pinging, and the service on the other end pages.
/// </summary>
public sealed class HeartbeatService(ConfigState config, StatusBoard board, WatchHttp http, TimeProvider time, ILogger<HeartbeatService> logger) : BackgroundService
{
    private DateTimeOffset _lastProgress = DateTimeOffset.MinValue;
    private bool _failing;

    public long Sent { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var heartbeat = config.Current.Heartbeat;
                await Task.Delay(heartbeat?.Interval ?? TimeSpan.FromMinutes(1), time, stoppingToken);
                if (heartbeat is null)
                    continue;
                var progress = board.Current.Taken;
                if (progress <= _lastProgress)
                    continue;
                _lastProgress = progress;
                await Ping(heartbeat, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Ping(HeartbeatOptions heartbeat, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await http.Client.GetAsync(heartbeat.Url, timeout.Token);
            response.EnsureSuccessStatusCode();
            Sent++;
            if (_failing)
                Log.HeartbeatRecovered(logger, heartbeat.Url.Host);
            _failing = false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            // The URL holds the token: only its host is logged.
            if (!_failing)
                Log.HeartbeatFailed(logger, heartbeat.Url.Host, e.GetType().Name);
            _failing = true;
        }
    }
}
