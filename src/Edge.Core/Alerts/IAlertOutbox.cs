namespace Edge.Core.Alerts;

/// <summary>
/// The evaluate stage's one door to delivery: where it starts from after a restart and where each batch's changes go.
/// </summary>
public interface IAlertOutbox
{
    /// <summary>The alert state kept at the last commit, for the rule engine to start from.</summary>
    IReadOnlyList<AlertRecord> LoadState();

    /// <summary>The dedup keys of the incidents PagerDuty has open, or will have once what is committed is sent.</summary>
    IEnumerable<string> OpenIncidentKeys();

    /// <summary>
    /// Takes the batch's events and state changes (the batch is empty afterwards) and writes them in one transaction.
    /// False when the write failed: they are kept and go with the next commit.
    /// </summary>
    bool Commit(AlertBatch batch);
}
