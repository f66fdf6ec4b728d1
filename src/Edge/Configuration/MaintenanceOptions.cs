namespace Edge.Configuration;

/// <summary>
/// The <c>maintenance</c> section and the optional <c>maintenanceButton</c>: how long a window may still have to run
/// at most, and the rack's push button (BCM GPIO numbers) with the length of the window one press starts or adds.
/// </summary>
public sealed record MaintenanceOptions(TimeSpan MaxDuration, MaintenanceButtonOptions? Button)
{
    public static readonly MaintenanceOptions Default = new(Core.Maintenance.MaintenanceWindow.DefaultMaxDuration, null);
}
