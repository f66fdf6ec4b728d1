using System.Collections.Concurrent;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// Lets something outside the poller (an SNMP trap) have a source polled before its interval is up. The poller
/// registers each source it runs; a request ends that source's wait early, but never starts a poll less than
/// <see cref="MinimumSpacing"/> after the previous one started: a device sending a storm of traps is polled once a
/// second at most, not once per trap.
/// </summary>
public sealed class PollWakeups(TimeProvider time)
{
    /// <summary>One second: a UPS going on battery is seen within it, and a trap storm cannot turn into a poll storm.</summary>
    public static readonly TimeSpan MinimumSpacing = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, PollWakeup> _sources = new(StringComparer.Ordinal);
    private long _early;

    /// <summary>Polls started before their interval was up because one was requested.</summary>
    public long EarlyPolls => Interlocked.Read(ref _early);

    /// <summary>Asks for source <paramref name="id"/> to be polled now; false when no source of that id is running.</summary>
    public bool Request(string id)
    {
        if (!_sources.TryGetValue(id, out var wakeup))
            return false;
        wakeup.Request();
        return true;
    }

    public PollWakeup Register(string id) => _sources[id] = new PollWakeup();

    /// <summary>Removes the registration, unless a newer configuration's source of the same id has replaced it.</summary>
    public void Unregister(string id, PollWakeup wakeup) => _sources.TryRemove(new KeyValuePair<string, PollWakeup>(id, wakeup));

    /// <summary>
    /// Waits <paramref name="interval"/>, or until a poll is requested and <see cref="MinimumSpacing"/> has passed
    /// since <paramref name="pollStarted"/> (a <see cref="TimeProvider.GetTimestamp"/>). Returns whether it ended early.
    /// </summary>
    public async Task<bool> WaitAsync(PollWakeup wakeup, TimeSpan interval, long pollStarted, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(interval, time, timer.Token);
        var first = await Task.WhenAny(delay, wakeup.Requested).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (first == delay)
            return false;
        var left = SpacingLeft(time.GetElapsedTime(pollStarted));
        if (left > TimeSpan.Zero)
            await Task.Delay(left, time, ct).ConfigureAwait(false);
        Interlocked.Increment(ref _early);
        return true;
    }

    /// <summary>How long an early poll must still wait, <paramref name="sinceLastStart"/> after the last poll started.</summary>
    public static TimeSpan SpacingLeft(TimeSpan sinceLastStart) =>
        sinceLastStart >= MinimumSpacing ? TimeSpan.Zero : MinimumSpacing - sinceLastStart;
}
