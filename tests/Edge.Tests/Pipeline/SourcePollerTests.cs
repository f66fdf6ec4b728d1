using System.Text;
using Edge.Configuration;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Pipeline;

/// <summary>A source that keeps failing logs once when it starts failing and once when it polls again, not every poll.</summary>
public class SourcePollerTests
{
    private const int PollFailed = 1200;
    private const int PollRecovered = 1202;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10); // real-time safety net only; the logic runs on the fake clock

    private readonly TimerSignallingClock _clock = new();
    private readonly ReadingChannel _channel = new();
    private readonly FakeLogger<SourcePoller> _logger = new();

    private IReadOnlyList<FakeLogRecord> Lines => _logger.Collector.GetSnapshot();

    [Fact]
    public async Task Ten_failed_polls_log_one_warning_and_the_next_good_poll_one_recovery_line()
    {
        string[] errors = [.. Enumerable.Repeat("timeout after 2 s", 10)];

        await PollAsync(new ScriptedSource("ups-1", errors), polls: 11);

        Assert.Equal(
            [(PollFailed, LogLevel.Warning), (PollRecovered, LogLevel.Information)],
            Lines.Select(l => (l.Id.Id, l.Level)));
        Assert.Contains("timeout after 2 s", Lines[0].Message);
        Assert.Equal(10, ReadAll().Count(r => r is { Metric: Metrics.Reachable, Value: 0 })); // every failed poll still reads as unreachable
    }

    [Fact]
    public async Task A_different_error_is_logged_again_and_the_same_one_is_not()
    {
        await PollAsync(new ScriptedSource("ups-1", ["timeout", "timeout", "authentication failed", "authentication failed"]), polls: 5);

        Assert.Equal([PollFailed, PollFailed, PollRecovered], Lines.Select(l => l.Id.Id));
        Assert.Contains(": timeout (", Lines[0].Message);
        Assert.Contains(": authentication failed (", Lines[1].Message);
    }

    /// <summary>Runs the poller until <paramref name="polls"/> polls are done, advancing the clock an interval after each.</summary>
    private async Task PollAsync(ScriptedSource source, int polls)
    {
        var poller = new SourcePoller([new OneSource(source)], new ConfigState(Config()), _channel, new PollWakeups(_clock), new PollDurations(), new SourceProblems(), _clock, _logger);
        await poller.StartAsync(CancellationToken.None);
        for (var poll = 0; poll < polls; poll++)
        {
            Assert.True(await _clock.TimersCreated.WaitAsync(Bound), $"poll {poll} did not end");
            if (poll < polls - 1)
                _clock.Advance(Interval);
        }
        await poller.StopAsync(CancellationToken.None);
        Assert.Equal(polls, source.Polls);
    }

    private List<Reading> ReadAll()
    {
        var readings = new List<Reading>();
        while (_channel.Reader.TryRead(out var reading))
            readings.Add(reading);
        return readings;
    }

    private static EdgeConfig Config() =>
        EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes("""{ "appliance": { "id": "dc1-r12" } }"""), "/tmp").Config!;

    /// <summary>Throws the given errors one poll each, then polls fine.</summary>
    private sealed class ScriptedSource(string id, IReadOnlyList<string> errors) : IReadingSource
    {
        public int Polls { get; private set; }
        public string Id => id;
        public TimeSpan Interval => SourcePollerTests.Interval;

        public ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
        {
            var poll = Polls++;
            if (poll < errors.Count)
                return ValueTask.FromException(new InvalidOperationException(errors[poll]));
            sink.Write(new Reading(id, Metrics.Reachable, 1, DateTimeOffset.UnixEpoch));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class OneSource(IReadingSource source) : ISourceProvider
    {
        public IEnumerable<IReadingSource> Create(EdgeConfig config) => [source];
    }
}
