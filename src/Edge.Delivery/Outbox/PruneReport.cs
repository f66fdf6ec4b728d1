namespace Edge.Delivery.Outbox;

/// <summary>
/// What one pass of the bounds removed. Delivered rows leaving are housekeeping; the other counts are undelivered
/// events lost to the bounds and are always logged.
/// </summary>
public sealed record PruneReport(int DeliveredRemoved, int ExpiredDropped, int Coalesced, int FullDropped, bool OverBoundWithCriticals)
{
    public int Lost => ExpiredDropped + Coalesced + FullDropped;
}
