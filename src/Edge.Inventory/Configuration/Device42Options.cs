using Edge.Core.Configuration;

namespace Edge.Inventory.Configuration;

/// <summary>The <c>device42</c> block: where the appliance is, how to authenticate and trust it, and how much to read.</summary>
public sealed record Device42Options(Uri Url, string User, string PasswordFile)
{
    /// <summary>The source's id: the DEVICE of the <c>device42</c> entity (days_left, reachable).</summary>
    public const string SourceId = "device42";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Device42 serves at most 1000 objects a page; 500 keeps each answer small on a slow appliance.</summary>
    public const int DefaultPageSize = 500;

    public const int DefaultMaxPages = 100;
    public const int DefaultMaxEntities = 1000;

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>For each HTTP request, connection and answer included.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>PEM file of the CA(s) that signed the appliance's certificate (chain and host name are checked).</summary>
    public string? CaFile { get; init; }

    /// <summary>SHA-256 of the appliance's certificate (DER): that certificate is trusted whatever its chain or name.</summary>
    public byte[]? PinnedSha256 { get; init; }

    /// <summary>Device42's API does not publish its licence's expiry, so the operator states it.</summary>
    public DateOnly? LicenseExpiry { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Bounds every listing: more pages than this fails the poll rather than reading a partial inventory.</summary>
    public int MaxPages { get; init; } = DefaultMaxPages;

    /// <summary>The most entities of each kind (software, OS, subnet, part model, prohibited finding) kept.</summary>
    public int MaxEntities { get; init; } = DefaultMaxEntities;

    /// <summary>software 2, OS 3, subnet 1, part model 2 and finding 1 series per entity, plus days_left and reachable.</summary>
    public int MaxSeries => 9 * MaxEntities + 2;

    public SourceDescriptor Descriptor => new(SourceId, SourceKind.Inventory, Interval, MaxSeries);
}
