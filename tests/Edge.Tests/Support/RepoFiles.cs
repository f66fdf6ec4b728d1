namespace Edge.Tests.Support;

/// <summary>Files of the repository the tests were built from (the unit, the package's default configuration).</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Edge.sln above {AppContext.BaseDirectory}");
    }
}
