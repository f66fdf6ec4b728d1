using System.Net.Sockets;
using System.Text;
using Edge.Configuration;
using Edge.Tests.Support;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Appliance;

/// <summary>
/// edge.service sets WatchdogSec=14s: Edge pings WATCHDOG=1 only while readings keep reaching the rule engine, so a
/// daemon that is alive but stuck gets restarted by systemd.
/// </summary>
public class WatchdogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(14);

    private sealed class RecordingNotifier(bool enabled = true) : ISystemdNotifier
    {
        public List<string> Sent { get; } = [];
        public bool IsEnabled => enabled;
        public void Notify(ServiceState state) => Sent.Add(state.ToString());
    }

    private static ConfigState Config(params string[] intervals) => new(ConfigOf(intervals));

    private static EdgeConfig ConfigOf(params string[] intervals)
    {
        var sensors = string.Join(",", intervals.Select((interval, i) => $$"""{ "id": "s{{i}}", "driver": "simulated", "interval": "{{interval}}" }"""));
        var json = $$"""{ "appliance": { "id": "t" }, "sensors": [ {{sensors}} ], "rules": [ { "id": "hot", "type": "sensor", "metric": "temperature_c", "above": 30 } ] }""";
        var result = EdgeConfigLoader.Parse("test.json", Encoding.UTF8.GetBytes(json), "/tmp/unused");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Config!;
    }

    private static StatusSnapshot SnapshotAt(DateTimeOffset taken) => StatusSnapshot.Empty with { Taken = taken };

    [Fact]
    public void It_pings_every_period_while_the_rule_engine_keeps_receiving_readings()
    {
        var time = new FakeTimeProvider();
        var board = new StatusBoard();
        var notifier = new RecordingNotifier();
        var watchdog = new WatchdogService(Config("10s"), board, time, NullLogger<WatchdogService>.Instance, notifier, Timeout);

        for (var period = 0; period < 100; period++)
        {
            watchdog.Tick();
            time.Advance(Timeout / 2);
            board.Publish(SnapshotAt(time.GetUtcNow()));
        }

        Assert.Equal(100, notifier.Sent.Count);
        Assert.All(notifier.Sent, s => Assert.Equal("WATCHDOG=1", s));
    }

    [Fact]
    public void It_stops_pinging_when_no_readings_arrive_for_longer_than_the_stall_limit_and_resumes_when_they_do()
    {
        var time = new FakeTimeProvider();
        var board = new StatusBoard();
        var notifier = new RecordingNotifier();
        var watchdog = new WatchdogService(Config("10s"), board, time, NullLogger<WatchdogService>.Instance, notifier, Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), watchdog.StallLimit);

        board.Publish(SnapshotAt(time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(30));
        watchdog.Tick();
        Assert.Single(notifier.Sent);               // 30 s quiet: at the limit, still progress

        time.Advance(TimeSpan.FromSeconds(1));
        watchdog.Tick();
        time.Advance(Timeout / 2);
        watchdog.Tick();
        Assert.Single(notifier.Sent);               // 31 s and 38 s quiet: stalled, systemd will time out

        board.Publish(SnapshotAt(time.GetUtcNow()));
        watchdog.Tick();
        Assert.Equal(2, notifier.Sent.Count);
    }

    [Fact]
    public void Before_the_first_reading_it_pings_only_within_the_stall_limit_of_start()
    {
        var time = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        var watchdog = new WatchdogService(Config("10s"), new StatusBoard(), time, NullLogger<WatchdogService>.Instance, notifier, Timeout);

        watchdog.Tick();
        time.Advance(TimeSpan.FromSeconds(29));
        watchdog.Tick();
        time.Advance(TimeSpan.FromSeconds(2));
        watchdog.Tick();

        Assert.Equal(2, notifier.Sent.Count);
    }

    [Theory]
    [InlineData(new[] { "1s" }, 30)]
    [InlineData(new[] { "10s", "30s" }, 90)]
    [InlineData(new[] { "5m" }, 900)]
    public void The_stall_limit_is_three_intervals_of_the_slowest_source_and_at_least_30_seconds(string[] intervals, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WatchdogService.StallLimitFor(ConfigOf(intervals)));
    }

    [Fact]
    public void It_is_armed_only_when_systemd_asks_this_process_for_a_watchdog()
    {
        static Func<string, string?> Env(params (string Key, string Value)[] vars) => key => vars.FirstOrDefault(v => v.Key == key).Value;

        Assert.Equal(TimeSpan.FromSeconds(14), WatchdogService.WatchdogTimeout(Env(("WATCHDOG_USEC", "14000000")), 4242));
        Assert.Equal(TimeSpan.FromSeconds(14), WatchdogService.WatchdogTimeout(Env(("WATCHDOG_USEC", "14000000"), ("WATCHDOG_PID", "4242")), 4242));
        Assert.Null(WatchdogService.WatchdogTimeout(Env(("WATCHDOG_USEC", "14000000"), ("WATCHDOG_PID", "1")), 4242));
        Assert.Null(WatchdogService.WatchdogTimeout(Env(), 4242));
        Assert.Null(WatchdogService.WatchdogTimeout(Env(("WATCHDOG_USEC", "0")), 4242));
        Assert.Null(WatchdogService.WatchdogTimeout(Env(("WATCHDOG_USEC", "-5")), 4242));

        var noSocket = new WatchdogService(Config("10s"), new StatusBoard(), new FakeTimeProvider(), NullLogger<WatchdogService>.Instance, new RecordingNotifier(enabled: false), Timeout);
        Assert.Null(noSocket.Timeout);
    }

    [Fact]
    public async Task The_real_daemon_says_READY_1_then_WATCHDOG_1_to_the_notify_socket_while_it_polls()
    {
        using var dir = new TempDir();
        dir.File("hwmon0/temp1_input", "24500\n");
        var config = dir.File("edge.json", $$"""
            { "appliance": { "id": "wd" }, "stateDir": "{{dir.Path}}/state",
              "sensors": [ { "id": "rack", "driver": "hwmon", "path": "{{dir.Path}}/hwmon0", "interval": "200ms" } ],
              "rules": [ { "id": "hot", "type": "sensor", "metric": "temperature_c", "above": 30 } ] }
            """);
        var socketPath = Path.Combine(dir.Path, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));

        var output = new StringBuilder();
        using var edge = EdgeProcess.Start(output, ["run", "--config", config], start =>
        {
            start.Environment["NOTIFY_SOCKET"] = socketPath;
            start.Environment["WATCHDOG_USEC"] = "1000000";   // 1 s: a ping every 0.5 s
        });
        var received = new List<string>();
        try
        {
            var buffer = new byte[256];
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (received.Count(m => m == "WATCHDOG=1") < 3)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
                received.Add(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"fewer than 3 WATCHDOG=1 within 20 s; received: [{string.Join(", ", received)}]");
        }
        finally
        {
            edge.Kill();
        }
        // READY=1 comes from $NOTIFY_SOCKET alone: the unit's ProtectProc=invisible hides systemd (PID 1) from the
        // edge user, and a daemon that looked for its parent would never say it is ready.
        Assert.Equal("READY=1", received[0]);
        Assert.True(DaemonLog.Contains(output, "systemd watchdog armed: timeout 1 s"), output.ToString());
    }
}
