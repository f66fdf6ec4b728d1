using Edge.Core.Rules;

namespace Edge.Core.Maintenance;

/// <summary>
/// A time during which people work on part of the rack: alerts it covers keep evaluating, but their pages wait for
/// its end (<see cref="MaintenanceGate"/>). It covers the entities its selector matches (rules.md syntax; a device id
/// also covers that device's own entities, <c>pdu-1</c> covers <c>pdu-1/outlet/3</c>), and only the listed rules
/// when there are any. It is open from <see cref="Start"/> until <see cref="End"/>, which ending or extending moves.
/// </summary>
public sealed record MaintenanceWindow(long Id, Selector Selector, IReadOnlyList<string> Rules, DateTimeOffset Start, DateTimeOffset End, string Reason, string StartedBy)
{
    /// <summary>The default longest a window may still have to run: a forgotten window mutes the rack at most this long.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(8);

    public bool IsOpenAt(DateTimeOffset now) => Start <= now && now < End;

    /// <summary>The whole appliance, every rule: what the rack's button starts.</summary>
    public bool IsApplianceWide => Selector.IsAll && Rules.Count == 0;

    public bool Covers(string ruleId, string entity)
    {
        if (Rules.Count > 0 && !Rules.Contains(ruleId, StringComparer.Ordinal))
            return false;
        if (Selector.Matches(entity))
            return true;
        var slash = entity.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && Selector.Matches(entity[..slash]);
    }

    /// <summary>
    /// Why a window may not have <paramref name="left"/> still to run, or null when it may: a window that is never
    /// ended by hand still closes by itself within the maximum, so a forgotten one cannot mute the rack for days.
    /// </summary>
    public static string? LengthProblem(TimeSpan left, TimeSpan max) =>
        left <= TimeSpan.Zero ? "a maintenance window must last longer than 0"
        : left > max ? $"{Durations.Format(left)} is longer than the maximum of {Durations.Format(max)} a window may still have to run (maintenance.maxDuration)"
        : null;

    /// <summary>The selector as the command line takes it: one pattern, or several separated by commas.</summary>
    public static Selector ParseSelector(string text) =>
        Selector.Of(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string FormatSelector(Selector selector) => string.Join(",", selector.Patterns);
}
