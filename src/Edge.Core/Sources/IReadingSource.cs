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
    /// What the operator should know about the last poll that no reading can say (an SNMP device that answers but
    /// speaks no supported MIB), for <c>edge status</c>; null when there is nothing to add.
    /// </summary>
    string? Notice => null;
}
