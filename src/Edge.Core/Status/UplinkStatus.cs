namespace Edge.Core.Status;

/// <summary>
/// The deliver stage's state as the show stage sees it (LCD "PD OK" / "PD DOWN 37 queued", <c>edge status</c>):
/// whether the uplink works and how many events wait in the outbox. Published by the delivery stage into the status
/// snapshot; <see cref="Unknown"/> until it does.
/// </summary>
public sealed record UplinkStatus(UplinkState State, long Queued)
{
    public static readonly UplinkStatus Unknown = new(UplinkState.Unknown, 0);
}
