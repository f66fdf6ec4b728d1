using System.Diagnostics;

namespace Edge.Snmp.Tests.Support;

/// <summary>
/// net-snmp's command-line tools (snmptrap, snmpinform, …) run with a private configuration directory: no MIBs
/// loaded, and their persistent state (engine boots) in a temp dir rather than the user's home. Bounded to 60 s.
/// </summary>
public sealed class NetSnmpTools : IDisposable
{
    private readonly TempDir _dir = new();

    public string Directory => _dir.Path;

    public NetSnmpTools()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "conf"));
        File.WriteAllText(Path.Combine(Directory, "conf", "snmp.conf"), "mibs :\n");
    }

    public Task<Tool.Result> RunAsync(string tool, params string[] args) =>
        Tool.RunAsync(tool, TimeSpan.FromSeconds(60), args, prepare: start => Environment(start, "tools"));

    public void Environment(ProcessStartInfo start, string persistent)
    {
        start.Environment["SNMPCONFPATH"] = Path.Combine(Directory, "conf");
        start.Environment["SNMP_PERSISTENT_DIR"] = Path.Combine(Directory, persistent);
        start.Environment["MIBS"] = "";
    }

    public void Dispose() => _dir.Dispose();
}
