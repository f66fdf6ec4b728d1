namespace Edge.Core.Status;

public enum RouteFaultKind
{
    /// <summary>PagerDuty's 400 about the routing key: the lane holds until the key is corrected.</summary>
    KeyRejected,

    /// <summary>401/403/404/405 from a relay (wrong path or authentication): the lane holds.</summary>
    Refused,

    /// <summary>A 2xx that is not PagerDuty's acceptance: retried with back-off, never counted as delivered.</summary>
    RelayFault,
}
