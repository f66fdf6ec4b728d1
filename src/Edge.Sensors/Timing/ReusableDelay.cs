using System.Threading.Tasks.Sources;

namespace Edge.Sensors.Timing;

/// <summary>
/// A wait through the injected <see cref="TimeProvider"/> that allocates nothing once created: one timer, reused for
/// every wait, completing a reusable <see cref="IValueTaskSource"/>. <c>Task.Delay(t, time)</c> allocates a timer and a
/// task per call, and a sensor waits three to five times per reading. One waiter at a time (one sensor's poll loop).
/// </summary>
internal sealed class ReusableDelay : IValueTaskSource, IDisposable
{
    private const int Idle = 0, Waiting = 1, Done = 2;

    private readonly ITimer _timer;
    private ManualResetValueTaskSourceCore<bool> _core;
    private CancellationTokenRegistration _registration;
    private CancellationToken _token;
    private int _state;

    public ReusableDelay(TimeProvider time)
    {
        // Continuations run on the thread that completes the wait (the timer's): the code after a wait is a few
        // bus transactions, and a fake clock's Advance then runs a whole measurement deterministically.
        _core.RunContinuationsAsynchronously = false;
        _timer = time.CreateTimer(static s => ((ReusableDelay)s!).Complete(canceled: false), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ValueTask WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
            return ValueTask.CompletedTask;
        if (Interlocked.CompareExchange(ref _state, Waiting, Idle) != Idle)
            throw new InvalidOperationException("ReusableDelay supports one waiter at a time");
        _core.Reset();
        _token = cancellationToken;
        if (cancellationToken.CanBeCanceled)
            _registration = cancellationToken.UnsafeRegister(static s => ((ReusableDelay)s!).Complete(canceled: true), this);
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
        return new ValueTask(this, _core.Version);
    }

    private void Complete(bool canceled)
    {
        if (Interlocked.CompareExchange(ref _state, Done, Waiting) != Waiting)
            return;
        if (canceled)
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _registration.Unregister();
        _registration = default;
        if (canceled)
            _core.SetException(new OperationCanceledException(_token));
        else
            _core.SetResult(true);
    }

    void IValueTaskSource.GetResult(short token)
    {
        try
        {
            _core.GetResult(token);
        }
        finally
        {
            Volatile.Write(ref _state, Idle);
        }
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    public void Dispose()
    {
        _timer.Dispose();
        _registration.Dispose();
    }
}
