using Edge.Core.Status;

namespace Edge.Display.Pages;

/// <summary>
/// What the LCD shows, taken from the daemon's status snapshot by the host: the display never reaches into the other
/// stages. Sensors in configuration order; alerts that are open (pending or firing).
/// </summary>
public sealed record DisplayStatus(string ApplianceName, string? Address, IReadOnlyList<SensorLine> Sensors, IReadOnlyList<AlertLine> Alerts, UplinkStatus Uplink)
{
    /// <summary>When each open maintenance window ends: while there is one, every page says MAINTENANCE and the time left.</summary>
    public IReadOnlyList<DateTimeOffset> MaintenanceEnds { get; init; } = [];

    public static readonly DisplayStatus Starting = new("edge", null, [], [], UplinkStatus.Unknown);
}
