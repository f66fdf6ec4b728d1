namespace Edge.Core.Configuration;

/// <summary>Who this appliance is: its id is the first part of every dedup key.</summary>
public sealed record ApplianceIdentity(string Id, string? Site = null, string? Rack = null)
{
    /// <summary>Who owns the box, sent in every event so a responder knows whom to call.</summary>
    public Contact? Contact { get; init; }

    /// <summary>Where the appliance is: site/rack, what of it is known, else its id.</summary>
    public string Group => (Site, Rack) switch
    {
        (null, null) => Id,
        (null, var r) => r!,
        (var s, null) => s,
        var (s, r) => $"{s}/{r}",
    };
}
