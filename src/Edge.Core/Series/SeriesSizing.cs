using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;

namespace Edge.Core.Series;

/// <summary>How big a series' ring buffer is, and what a configuration's series may cost at most.</summary>
public static class SeriesSizing
{
    /// <summary>Every series keeps at least this many readings: the trend an alert's details show the on-call engineer.</summary>
    public const int MinimumCapacity = 10;

    /// <summary>A time and a value per slot.</summary>
    public const int BytesPerSlot = sizeof(long) + sizeof(double);

    /// <summary>The series object, its two array headers and its dictionary entry, measured on x64 and rounded up.</summary>
    public const int BytesPerSeries = 192;

    /// <summary>Enough slots to cover the window at the series' poll interval, with one to spare at each end.</summary>
    public static int Capacity(TimeSpan interval, TimeSpan longestWindow)
    {
        if (longestWindow <= TimeSpan.Zero || interval <= TimeSpan.Zero)
            return MinimumCapacity;
        var slots = (long)Math.Ceiling(longestWindow.Ticks / (double)interval.Ticks) + 2;
        return (int)Math.Clamp(slots, MinimumCapacity, int.MaxValue / 2);
    }

    public static long Bytes(int capacity) => BytesPerSeries + (long)capacity * BytesPerSlot;

    /// <summary>
    /// The most the configuration's series can need: every source producing its maximum number of series, each as long
    /// as the longest window of any rule that could select that source. Validation rejects a configuration over budget.
    /// </summary>
    public static long WorstCase(IReadOnlyList<SourceDescriptor> sources, IReadOnlyList<RuleDefinition> rules)
    {
        long total = 0;
        foreach (var source in sources)
        {
            var window = TimeSpan.Zero;
            foreach (var rule in rules)
            {
                if (rule.Window > window && RuleMayReach(rule, source))
                    window = rule.Window;
            }
            total += source.MaxSeries * Bytes(Capacity(source.Interval, window));
        }
        return total;
    }

    private static bool RuleMayReach(RuleDefinition rule, SourceDescriptor source)
    {
        if (!rule.Type.SeesAnyOf(source.Kind))
            return false;
        foreach (var pattern in rule.Select.Patterns)
        {
            // Inventory entities start with their kind (software/…), not the source's id.
            if (source.Kind == SourceKind.Inventory && (pattern.IndexOf('/') is var s and > 0 ? pattern[..s] : pattern) is var head
                && EntityId.TryParseInventoryKind(head, out _))
                return true;
            // A '*' may span slashes, so once a pattern has one, any source whose id starts with what precedes it may match.
            var star = pattern.IndexOfAny(['*', '?']);
            var slash = pattern.IndexOf('/');
            if (star >= 0 && (slash < 0 || star < slash))
            {
                if (source.Id.StartsWith(pattern[..star], StringComparison.Ordinal))
                    return true;
            }
            else if ((slash < 0 ? pattern : pattern[..slash]) == source.Id)
            {
                return true;
            }
        }
        return false;
    }
}
