using Edge.Sensors.Chips;

namespace Edge.Sensors.Health;

/// <summary>What a sensor has been through, for <c>edge status</c> and <c>edge sensors read</c>. Written by its poll loop only.</summary>
public sealed class SensorCounters
{
    private long _readings, _failedAttempts, _retries, _rejected, _powerCycles;

    public long Readings => Interlocked.Read(ref _readings);
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);
    public long Retries => Interlocked.Read(ref _retries);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long PowerCycles => Interlocked.Read(ref _powerCycles);

    /// <summary>Polls in a row that ended without a reading.</summary>
    public int ConsecutiveFailedPolls { get; internal set; }

    public ChipStatus LastStatus { get; internal set; }

    /// <summary>The last bus error's message (e.g. "Error 121 performing I2C data transfer."), or null.</summary>
    public string? LastError { get; internal set; }

    internal void Reading() => Interlocked.Increment(ref _readings);
    internal void FailedAttempt() => Interlocked.Increment(ref _failedAttempts);
    internal void Retry() => Interlocked.Increment(ref _retries);
    internal long Reject() => Interlocked.Increment(ref _rejected);
    internal void PowerCycle() => Interlocked.Increment(ref _powerCycles);
}
