using Edge.Core.Readings;

namespace Edge.Core.Sources;

/// <summary>
/// The acquire stage's seam: something that turns hardware or a remote system into readings, and nothing else.
/// A poll never throws for a device's failure: it writes <c>reachable</c> = 0 and no other reading (absence is not a value).
/// </summary>
public interface IReadingSource
{
    /// <summary>The configured id: the DEVICE part of every entity id this source writes.</summary>
    string Id { get; }

    TimeSpan Interval { get; }

    ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken);

    /// <summary>
    /// What the operator should know about the last poll that no reading says, in plain words and without a secret,
    /// for <c>edge status</c> (Device42 refusing Edge over its licence; an SNMP device that answers but speaks no
    /// supported MIB); null when there is nothing to add. An unreachable source may leave it null: <c>reachable</c>
    /// says as much.
    /// </summary>
    string? Problem => null;
}
