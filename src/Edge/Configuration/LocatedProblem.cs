using Edge.Core.Configuration;

namespace Edge.Configuration;

/// <summary>A configuration problem with the file and line it is on, printed as one line.</summary>
public sealed record LocatedProblem(string File, int? Line, ConfigProblem Problem)
{
    public override string ToString() => Line is { } l ? $"{File}:{l}: {Problem}" : $"{File}: {Problem}";
}
