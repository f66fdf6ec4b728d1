using Edge.Core.Status;

namespace Edge.Display.Pages;

/// <summary>
/// What the LCD shows, taken from the daemon's status snapshot by the host: the display never reaches into the other
/// stages. Sensors in configuration order; alerts that are open (pending or firing).
/// </summary>
public sealed record DisplayStatus(string ApplianceName, string? Address, IReadOnlyList<SensorLine> Sensors, IReadOnlyList<AlertLine> Alerts, UplinkStatus Uplink)
{
    public static readonly DisplayStatus Starting = new("edge", null, [], [], UplinkStatus.Unknown);
}
