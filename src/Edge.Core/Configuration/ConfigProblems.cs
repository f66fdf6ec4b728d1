namespace Edge.Core.Configuration;

/// <summary>Collects every problem of a configuration, so one check reports them all.</summary>
public sealed class ConfigProblems
{
    private readonly List<ConfigProblem> _all = [];

    public IReadOnlyList<ConfigProblem> All => _all;
    public bool Any => _all.Count > 0;

    public void Add(string path, string message) => _all.Add(new ConfigProblem(path, message));
}
