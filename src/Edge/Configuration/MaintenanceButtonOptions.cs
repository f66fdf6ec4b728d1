namespace Edge.Configuration;

/// <summary>The rack's maintenance button (BCM GPIO numbers), how long a press opens or extends a window, and its optional LED.</summary>
public sealed record MaintenanceButtonOptions(int Pin, TimeSpan Duration, int? LedPin)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(1);
}
