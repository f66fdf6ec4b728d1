namespace Edge.Core.Alerts;

/// <summary>What the on-call engineer needs to judge the alert without logging in (sent as PagerDuty's custom_details).</summary>
public sealed record AlertDetails
{
    public required string Rule { get; init; }
    public required string Condition { get; init; }
    public required string Metric { get; init; }
    public string Unit { get; init; } = "";

    /// <summary>The value the condition saw, as an operator reads it (a number or a state).</summary>
    public string? Value { get; init; }

    public double? Above { get; init; }
    public double? Below { get; init; }
    public double? ClearAbove { get; init; }
    public double? ClearBelow { get; init; }
    public IReadOnlyList<string> States { get; init; } = [];
    public string? Window { get; init; }
    public string? Aggregate { get; init; }

    /// <summary>Newest first: the series' recent readings from its ring buffer, so the trend is visible.</summary>
    public IReadOnlyList<RecentReading> Recent { get; init; } = [];

    /// <summary>For a rule grouped as one incident: exactly the entities in breach now.</summary>
    public IReadOnlyList<EntityInBreach>? Entities { get; init; }

    /// <summary>Why an alert resolved other than by its condition clearing (e.g. its rule was deleted).</summary>
    public string? Reason { get; init; }

    /// <summary>A trigger sent late because the alert began during a maintenance window and outlasted it.</summary>
    public Maintenance.MaintenanceNote? Maintenance { get; init; }

    /// <summary>Who owns the appliance (appliance.contact).</summary>
    public Configuration.Contact? Contact { get; init; }
}

public sealed record RecentReading(DateTimeOffset Time, string Value);

public sealed record EntityInBreach(string Entity, string Value, DateTimeOffset Since);
