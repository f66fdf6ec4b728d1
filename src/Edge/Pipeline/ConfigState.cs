using Edge.Configuration;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Pipeline;

/// <summary>
/// The configuration the daemon runs on and the fate of the last edit. A rejected edit changes nothing but
/// <see cref="Rejection"/>: the last good configuration keeps running.
/// </summary>
public sealed class ConfigState
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private (int Generation, CancellationToken Token, Task Task)? _lastWait;

    public ConfigState(EdgeConfig initial) => Current = initial;

    public EdgeConfig Current { get; private set; }

    /// <summary>Counts applied configurations; stages compare it with the one they run on.</summary>
    public int Generation { get; private set; }

    public ConfigRejection? Rejection { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }

    public void Apply(EdgeConfig config, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            Current = config;
            Generation++;
            Rejection = null;
            AppliedAt = now;
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    public void Reject(IReadOnlyList<LocatedProblem> problems, DateTimeOffset now)
    {
        lock (_gate)
            Rejection = new ConfigRejection(now, problems.Select(p => p.ToString()).ToList());
    }

    /// <summary>
    /// Completes when a configuration newer than <paramref name="generation"/> is applied (cancelled with
    /// <paramref name="cancellationToken"/>). Asked again for the same generation and token it returns the same task:
    /// each wait registers on the token and on the change until one of them happens, and the evaluate stage asks once
    /// per batch of readings — a new wait each time would leak a few hundred bytes per batch (about 15 MB a day at the
    /// bench's pace) for as long as the configuration does not change.
    /// </summary>
    public Task WaitForChangeAsync(int generation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Generation != generation)
                return Task.CompletedTask;
            if (_lastWait is { } last && last.Generation == generation && last.Token == cancellationToken)
                return last.Task;
            var wait = _changed.Task.WaitAsync(cancellationToken);
            _lastWait = (generation, cancellationToken, wait);
            return wait;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed record ConfigRejection(DateTimeOffset At, IReadOnlyList<string> Problems);
