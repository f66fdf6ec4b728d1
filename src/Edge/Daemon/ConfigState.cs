using Edge.Configuration;

namespace Edge.Daemon;

/// <summary>
/// The configuration the daemon runs on and the fate of the last edit. A rejected edit changes nothing but
/// <see cref="Rejection"/>: the last good configuration keeps running.
/// </summary>
public sealed class ConfigState
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = NewSignal();

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

    /// <summary>Completes when a configuration newer than <paramref name="generation"/> is applied.</summary>
    public Task WaitForChangeAsync(int generation, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Generation != generation ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed record ConfigRejection(DateTimeOffset At, IReadOnlyList<string> Problems);
