namespace Edge.Delivery.Outbox;

/// <summary>The outbox database failed its integrity check and this caller may not replace it (only the daemon does).</summary>
public sealed class OutboxCorruptException(string path, string reason)
    : Exception($"{path}: the outbox database failed its integrity check ({reason}); start the daemon (edge run) to keep it aside and start a fresh one");
