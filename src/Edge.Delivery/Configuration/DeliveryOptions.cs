using Edge.Core.Configuration;

namespace Edge.Delivery.Configuration;

/// <summary>The validated <c>pagerduty</c> section: where events go, with which keys, and how long the outbox keeps them.</summary>
public sealed record DeliveryOptions
{
    public static readonly Uri UsEndpoint = new("https://events.pagerduty.com/v2/enqueue");
    public static readonly Uri EuEndpoint = new("https://events.eu.pagerduty.com/v2/enqueue");

    /// <summary>No section at all: events are kept in the outbox, nothing is sent.</summary>
    public static readonly DeliveryOptions Default = new();

    public const string DefaultRoute = "";

    public Uri Endpoint { get; init; } = UsEndpoint;

    /// <summary>The default routing key; null when none is configured (events wait in the outbox).</summary>
    public RoutingKey? RoutingKey { get; init; }

    /// <summary>Named routing keys that rules select with <c>"route"</c>.</summary>
    public IReadOnlyDictionary<string, RoutingKey> Routes { get; init; } = new Dictionary<string, RoutingKey>();

    /// <summary>An HTTPS proxy; null means HTTPS_PROXY / ALL_PROXY from the environment, as .NET reads them.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>A PEM file of extra CA certificates to trust (an intercepting proxy's).</summary>
    public string? CaBundle { get; init; }

    /// <summary>How long an undelivered event is retried; delivered rows are kept as long for <c>edge queue list</c>.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    public int MaxEvents { get; init; } = 100_000;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>"A few minutes": long enough not to hammer a throttled key, short enough to notice the uplink is back.</summary>
    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a throttled (429) lane probes while PagerDuty's 60 s rate window is full: short enough to drain a
    /// backlog near the allowed pace, long enough that the probes are a fraction of the limit (BackoffPolicy.Throttled).
    /// </summary>
    public TimeSpan ThrottleStep { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>True: ask the kernel whether the wall clock is synchronized; false: trust it always (<c>"clock": "assume-synchronized"</c>).</summary>
    public bool CheckClockSync { get; init; } = true;

    /// <summary>What <c>edge config check</c> prints without failing (e.g. a key file others can read).</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; init; } = [];

    public RoutingKey? KeyFor(string route) =>
        route.Length == 0 ? RoutingKey : Routes.GetValueOrDefault(route);
}
