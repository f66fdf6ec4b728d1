namespace Edge.Core.Configuration;

/// <summary>One thing wrong with the configuration: where (a JSON path such as <c>$.rules[2].clear</c>) and what.</summary>
public sealed record ConfigProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
