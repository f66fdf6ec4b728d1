namespace Edge.Snmp.Usm;

/// <summary>
/// What a non-authoritative engine knows of an agent's engine (RFC 3414 §2.3): its ID, and its boots and time as of
/// the local moment they were learnt, from which the agent's current time is estimated.
/// </summary>
public sealed class EngineState
{
    /// <summary>RFC 3414 §2.2.3: a message more than 150 s off the estimate is outside the time window.</summary>
    public const int TimeWindowSeconds = 150;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _boots;
    private int _engineTime;
    private long _syncedAt;

    public EngineState(byte[] engineId, int boots, int engineTime, TimeProvider time)
    {
        EngineId = engineId;
        _time = time;
        _boots = boots;
        _engineTime = engineTime;
        _syncedAt = time.GetTimestamp();
    }

    public byte[] EngineId { get; }

    /// <summary>The agent's boots and its time now, estimated from the last synchronisation.</summary>
    public (int Boots, int Time) Estimate()
    {
        lock (_gate)
        {
            var elapsed = (long)_time.GetElapsedTime(_syncedAt).TotalSeconds;
            return (_boots, (int)Math.Min(int.MaxValue, _engineTime + elapsed));
        }
    }

    /// <summary>Takes the agent's word for its clock (after a notInTimeWindow report authenticated by the agent).</summary>
    public void Resync(int boots, int engineTime)
    {
        lock (_gate)
        {
            _boots = boots;
            _engineTime = engineTime;
            _syncedAt = _time.GetTimestamp();
        }
    }

    /// <summary>
    /// RFC 3414 §3.2 step 7b for an authenticated message from the agent: newer boots/time move the estimate forward;
    /// a message from an older boot, or more than 150 s behind the estimate, or with boots at its 2^31-1 latch, is
    /// outside the window. Returns false for those.
    /// </summary>
    public bool AcceptAuthenticated(int boots, int engineTime)
    {
        lock (_gate)
        {
            var elapsed = (long)_time.GetElapsedTime(_syncedAt).TotalSeconds;
            var estimate = _engineTime + elapsed;
            if (boots == int.MaxValue || boots < _boots || (boots == _boots && engineTime < estimate - TimeWindowSeconds))
                return false;
            if (boots > _boots || engineTime > estimate)
            {
                _boots = boots;
                _engineTime = engineTime;
                _syncedAt = _time.GetTimestamp();
            }
            return true;
        }
    }
}
