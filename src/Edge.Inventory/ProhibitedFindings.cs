using Edge.Core.Readings;

namespace Edge.Inventory;

/// <summary>
/// The prohibited (software, device) pairs seen so far. A pair Device42 lists reads installed = 1 at once; a pair seen
/// before and missing from two complete reads in a row (<see cref="RemovalConfirmation"/>: one read can skip an
/// installation without looking partial) reads installed = 0 — the explicit "it was removed" that resolves its alert —
/// for <see cref="RemovedRetention"/> after its removal, so a rule's clearFor can run its course, then it is
/// forgotten. Missing from one complete read only, it has no reading. A failed or partial read says nothing about
/// removals. At most <c>capacity</c> pairs are remembered; when full, the oldest removed pair is forgotten first.
/// </summary>
internal sealed class ProhibitedFindings(int capacity)
{
    /// <summary>Long enough for any clearFor and for a weekend's worth of 15-minute polls.</summary>
    public static readonly TimeSpan RemovedRetention = TimeSpan.FromDays(3);

    // Entity → when its removal was confirmed (null while installed, or missing from one complete read only).
    private readonly Dictionary<string, DateTimeOffset?> _known = new(StringComparer.Ordinal);

    // The installed pairs the last complete read lacked, waiting for the next one to confirm their removal.
    private readonly RemovalConfirmation _confirmation = new();

    // Whether the remembered pairs changed since the last TakeChanged: time to save them.
    private bool _changed;

    public int Count => _known.Count;

    /// <summary>The pairs remembered, to be saved across a restart.</summary>
    public IEnumerable<string> Known => _known.Keys;

    /// <summary>
    /// Remembers pairs saved before a restart as installed, so that one uninstalled while Edge was down still reads
    /// installed = 0 on the first complete read, and its alert (carried over the restart) resolves.
    /// </summary>
    public void Restore(IEnumerable<string> entities)
    {
        foreach (var entity in entities)
        {
            if (!_known.ContainsKey(entity) && _known.Count < capacity)
                _known[entity] = null;
        }
    }

    /// <summary>True once after the set of remembered pairs changed.</summary>
    public bool TakeChanged()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    /// <param name="present">The findings of this read, already capped to the capacity.</param>
    /// <param name="complete">False when the read was capped: a pair missing from it may still be installed.</param>
    public void Update(IReadOnlyCollection<string> present, bool complete, DateTimeOffset now, List<Reading> readings)
    {
        foreach (var entity in present)
        {
            readings.Add(new Reading(entity, Metrics.Installed, 1, now));
            _confirmation.Seen(entity);
            if (_known.TryGetValue(entity, out var removedAt) ? removedAt is not null : MakeRoom())
            {
                _known[entity] = null;
                _changed = true;
            }
        }
        if (!complete)
            return;
        var presentSet = present as IReadOnlySet<string> ?? present.ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (entity, removedAt) in _known.ToArray())
        {
            if (presentSet.Contains(entity))
                continue;
            if (removedAt is not { } since)
            {
                missing.Add(entity);
                continue;
            }
            if (now - since > RemovedRetention)
            {
                _known.Remove(entity);
                _changed = true;
                continue;
            }
            readings.Add(new Reading(entity, Metrics.Installed, 0, now));
        }
        foreach (var entity in _confirmation.Confirm(missing))
        {
            _known[entity] = now;
            readings.Add(new Reading(entity, Metrics.Installed, 0, now));
        }
    }

    private bool MakeRoom()
    {
        if (_known.Count < capacity)
            return true;
        var oldest = _known.Where(k => k.Value is not null).OrderBy(k => k.Value).Select(k => k.Key).FirstOrDefault();
        _changed |= oldest is not null;
        return oldest is not null && _known.Remove(oldest);
    }
}
