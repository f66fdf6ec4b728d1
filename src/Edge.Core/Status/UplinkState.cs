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

    /// <summary>PagerDuty rejects a route's routing key: its events wait, in order, until the key is corrected.</summary>
    KeyRejected,

    /// <summary>The connector (a relay) refuses a route: wrong path or authentication (401/403/404/405).</summary>
    Refused,

    /// <summary>Answers that are not PagerDuty's acceptance (a proxy's HTML page): nothing counted as delivered.</summary>
    RelayFault,
}
