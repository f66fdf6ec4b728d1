using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>
/// The real device recordings of ../shared/fixtures/snmprec, found relative to the repository root (the folder
/// holding Edge.sln), never copied into the repository (<see cref="Folder"/>, null when it is not there); and the
/// recordings the repository carries itself, each with its source and licence (tests/recordings/snmprec/README.md).
/// </summary>
public static class Recordings
{
    public static readonly Oid SysObjectId = Oid.Parse("1.3.6.1.2.1.1.2.0");

    public static string? Folder { get; } = Locate();

    public static string SkipReason =>
        $"device recordings not found: expected ../shared/fixtures/snmprec next to the repository root ({RepositoryRoot ?? "(no Edge.sln above " + AppContext.BaseDirectory + ")"})";

    public static string? RepositoryRoot { get; } = FindRoot();

    /// <summary>tests/recordings/snmprec: recordings kept in the repository, there whenever the tests are.</summary>
    public static string InRepository { get; } =
        System.IO.Path.Combine(RepositoryRoot ?? throw new InvalidOperationException($"no Edge.sln above {AppContext.BaseDirectory}"), "tests", "recordings", "snmprec");

    /// <summary>Every recording file: the shared ones (when there) and the repository's.</summary>
    public static IEnumerable<string> Files =>
        (Folder is null ? [] : Directory.GetFiles(Folder, "*.snmprec")).Concat(Directory.GetFiles(InRepository, "*.snmprec"));

    public static string PathOf(string name)
    {
        var own = System.IO.Path.Combine(InRepository, name + ".snmprec");
        return File.Exists(own) ? own : System.IO.Path.Combine(Folder ?? throw new InvalidOperationException(SkipReason), name + ".snmprec");
    }

    public static List<VarBind> Read(string name) => SnmprecReader.ReadFile(PathOf(name));

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Edge.sln")))
                return dir.FullName;
        }
        return null;
    }

    private static string? Locate()
    {
        var root = FindRoot();
        if (root is null)
            return null;
        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "fixtures", "snmprec"));
        return Directory.Exists(folder) ? folder : null;
    }
}
