using System.Text;
using Edge.Configuration;
using Edge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Appliance;

/// <summary>
/// The dead-man's switch pages when Edge stops pinging, so Edge pings only while its pipeline makes progress: a daemon
/// that runs but evaluates nothing must fall silent.
/// </summary>
public class HeartbeatTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10); // real-time safety net; the logic runs on the fake clock

    [Fact]
    public async Task The_heartbeat_falls_silent_while_the_pipeline_is_stalled_and_resumes_with_it()
    {
        await using var service = new PingListener("/ping/token");
        var clock = new TimerSignallingClock();
        var board = new StatusBoard();
        using var http = new WatchHttp();
        var heartbeat = new HeartbeatService(new ConfigState(ConfigWithHeartbeat(service.Port)), board, http, clock, NullLogger<HeartbeatService>.Instance);
        await heartbeat.StartAsync(CancellationToken.None);

        async Task IntervalPasses(bool pipelineProgressed)
        {
            Assert.True(await clock.TimersCreated.WaitAsync(Bound), "the heartbeat never waited for its next interval");
            if (pipelineProgressed)
                board.Publish(StatusSnapshot.Empty with { Taken = clock.GetUtcNow() });
            clock.Advance(Interval);
        }

        for (var i = 0; i < 3; i++)
            await IntervalPasses(pipelineProgressed: true);
        for (var i = 0; i < 5; i++)
            await IntervalPasses(pipelineProgressed: false);
        Assert.True(await clock.TimersCreated.WaitAsync(Bound));
        Assert.Equal(3, service.Pings); // five intervals without progress: not one ping

        board.Publish(StatusSnapshot.Empty with { Taken = clock.GetUtcNow() });
        clock.Advance(Interval);
        Assert.True(await clock.TimersCreated.WaitAsync(Bound));
        Assert.Equal(4, service.Pings);
        Assert.Equal(4, heartbeat.Sent);

        await heartbeat.StopAsync(CancellationToken.None);
    }

    private static EdgeConfig ConfigWithHeartbeat(int port)
    {
        var json = $$"""
            { "appliance": { "id": "t" }, "heartbeat": { "url": "http://127.0.0.1:{{port}}/ping/token", "interval": "1m" },
              "sensors": [ { "id": "s0", "driver": "simulated", "interval": "10s" } ],
              "rules": [ { "id": "hot", "type": "sensor", "metric": "temperature_c", "above": 30 } ] }
            """;
        var result = EdgeConfigLoader.Parse("test.json", Encoding.UTF8.GetBytes(json), "/tmp/unused");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Config!;
    }
}
