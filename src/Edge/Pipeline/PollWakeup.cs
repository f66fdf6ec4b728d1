using Edge.Sources;
using Edge.Status;
using Edge.Systemd;
namespace Edge.Pipeline;

/// <summary>
/// One source's "poll now" flag. Requests made before a poll starts are answered by that poll, so a burst of them
/// wakes the source once; a request made while it polls wakes it again after, since the poll may have read too early.
/// </summary>
public sealed class PollWakeup
{
    private TaskCompletionSource _signal = New();

    /// <summary>Completes once a poll has been asked for since the last <see cref="Reset"/>.</summary>
    public Task Requested => Volatile.Read(ref _signal).Task;

    public void Request() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Called as a poll starts: the requests so far are answered by it.</summary>
    public void Reset()
    {
        if (Volatile.Read(ref _signal).Task.IsCompleted)
            Volatile.Write(ref _signal, New());
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
