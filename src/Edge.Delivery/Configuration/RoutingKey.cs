namespace Edge.Delivery.Configuration;

/// <summary>
/// A PagerDuty integration key. It is a secret: <see cref="ToString"/> names only where it came from, so it cannot
/// reach a log line or an error message by accident; only the request builder reads <see cref="Value"/>.
/// </summary>
public sealed class RoutingKey(string value, string origin)
{
    /// <summary>Events API v2: <c>routing_key</c> is a 32 character string.</summary>
    public const int Length = 32;

    internal string Value { get; } = value;

    /// <summary>Where the key was read from, e.g. "routingKeyFile /etc/edge/routing.key"; never the key.</summary>
    public string Origin { get; } = origin;

    public override string ToString() => $"routing key from {Origin}";
}
