namespace Edge.Core.Status;

/// <summary>Whether events reach PagerDuty (or the relay) now.</summary>
public enum UplinkState
{
    /// <summary>Nothing known yet (no delivery attempted, or the delivery stage does not report).</summary>
    Unknown,

    /// <summary>The last delivery attempt succeeded.</summary>
    Ok,

    /// <summary>Deliveries fail; events wait in the outbox.</summary>
    Down,
}
