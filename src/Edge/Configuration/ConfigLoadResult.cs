namespace Edge.Configuration;

/// <summary>Either a valid configuration, or every problem found in the file.</summary>
public sealed record ConfigLoadResult(EdgeConfig? Config, IReadOnlyList<LocatedProblem> Problems)
{
    public bool IsValid => Config is not null;
}
