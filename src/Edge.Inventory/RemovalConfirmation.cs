namespace Edge.Inventory;

/// <summary>
/// Confirms a removal by a second complete read. Device42 pages its listings by offset (swagger: <c>offset</c>,
/// <c>limit</c>), so an object deleted while Edge pages shifts every later object one place back and one of them
/// falls between two pages unseen; <c>software_details</c> has no page-level <c>total_count</c> to notice it by, and an
/// appliance that serves an empty page early looks like the end of the listing. Such a read looks complete. A key
/// missing from one complete read is therefore only pending; it is gone when the next complete read lacks it too,
/// and nothing happened when that read has it again. Only the pending keys are kept.
/// </summary>
internal sealed class RemovalConfirmation
{
    private HashSet<string> _pending = new(StringComparer.Ordinal);

    /// <summary>The keys the last complete read lacked for the first time, waiting for the next one.</summary>
    public IReadOnlyCollection<string> Pending => _pending;

    /// <summary>A key listed (by any read, complete or not) is no longer pending.</summary>
    public void Seen(string key) => _pending.Remove(key);

    /// <summary>
    /// After a complete read: of the keys it lacks, those the previous complete read lacked too are confirmed gone
    /// (returned); the others wait for the next complete read. A pending key not in <paramref name="missing"/> is
    /// forgotten: it was listed again, or it is no longer expected.
    /// </summary>
    public HashSet<string> Confirm(IEnumerable<string> missing)
    {
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in missing)
            (_pending.Contains(key) ? confirmed : pending).Add(key);
        _pending = pending;
        return confirmed;
    }
}
