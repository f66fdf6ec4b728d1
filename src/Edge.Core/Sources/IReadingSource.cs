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
    /// Why the last poll could not read, in plain words and without a secret, for <c>edge status</c>; null when it
    /// read. A source whose failures are all "unreachable" may leave it null: <c>reachable</c> says as much.
    /// </summary>
    string? LastError => null;
}
