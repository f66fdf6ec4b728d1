namespace Edge.Core.Configuration;

/// <summary>
/// What the core needs to know of a configured source: its id (the DEVICE of its entity ids), its kind,
/// how often it is read, and how many series it may produce at most (the memory budget is computed from it).
/// </summary>
public sealed record SourceDescriptor(string Id, SourceKind Kind, TimeSpan Interval, int MaxSeries);
