using Edge.Snmp.Protocol;

namespace Edge.Testing.Snmpsim;

/// <summary>
/// The real device recordings: the shared ones of ../shared/fixtures/snmprec (found next to the repository root or a
/// folder above it, never copied into the repository), and those kept in this project's Recordings folder with their
/// source and licence beside them (Recordings/SOURCES.md). Tests on them are skipped, saying why, when the shared
/// folder is not there.
/// </summary>
public static class Recordings
{
    public static readonly Oid SysObjectId = Oid.Parse("1.3.6.1.2.1.1.2.0");

    public static string? RepositoryRoot { get; } = FindRoot();

    public static string? Folder { get; } = Locate();

    /// <summary>The recordings kept in the repository (tests/Edge.Snmp.Profiles.Tests/Recordings).</summary>
    public static string? RepositoryFolder { get; } =
        RepositoryRoot is null ? null : System.IO.Path.Combine(RepositoryRoot, "tests", "Edge.Snmp.Profiles.Tests", "Recordings");

    public static string SkipReason =>
        $"device recordings not found: expected shared/fixtures/snmprec next to the repository root or a folder above it ({RepositoryRoot ?? "(no Edge.sln above " + AppContext.BaseDirectory + ")"})";

    /// <summary>Every recording file, shared and kept here; a name is a community, so it is unique across both.</summary>
    public static IEnumerable<string> Files() =>
        new[] { Folder, RepositoryFolder }.Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d!, "*.snmprec"));

    public static string PathOf(string name)
    {
        var kept = RepositoryFolder is null ? null : System.IO.Path.Combine(RepositoryFolder, name + ".snmprec");
        return kept is not null && File.Exists(kept)
            ? kept
            : System.IO.Path.Combine(Folder ?? throw new InvalidOperationException(SkipReason), name + ".snmprec");
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

    /// <summary>A git worktree sits one level deeper than the main checkout, so the shared folder is looked for upward.</summary>
    private static string? Locate()
    {
        for (var dir = RepositoryRoot is null ? null : Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var folder = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "snmprec");
            if (Directory.Exists(folder))
                return folder;
        }
        return null;
    }
}
