using System.Diagnostics;
using System.Net;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Tests.Support;

/// <summary>
/// A real net-snmp <c>snmpd</c> on 127.0.0.1 and a free high port, configured from a temp dir with <c>-C</c> (no
/// system config): community <c>public</c>, and one v3 user per auth/priv combination net-snmp 5.9 supports.
/// </summary>
public sealed class SnmpdFixture : IAsyncLifetime
{
    public const string Community = "public";
    public const string AuthPass = "authpass123";
    public const string PrivPass = "privpass123";
    public const string NoAuthUser = "noauth";

    /// <summary>net-snmp's names for the auth protocols, in the order of <see cref="AuthProtocol"/>.</summary>
    public static readonly (string NetSnmp, AuthProtocol Protocol)[] AuthProtocols =
    [
        ("MD5", AuthProtocol.Md5), ("SHA", AuthProtocol.Sha1), ("SHA-224", AuthProtocol.Sha224),
        ("SHA-256", AuthProtocol.Sha256), ("SHA-384", AuthProtocol.Sha384), ("SHA-512", AuthProtocol.Sha512),
    ];

    private readonly NetSnmpTools _tools = new();
    private Process? _process;

    /// <summary>Holds snmpd.conf, the log, and the tools' and agent's configuration and persistent state.</summary>
    public string Directory => _tools.Directory;
    public int Port { get; private set; }
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public static string UserName(string auth, SecurityLevel level, PrivProtocol priv) => level switch
    {
        SecurityLevel.NoAuthNoPriv => NoAuthUser,
        SecurityLevel.AuthNoPriv => $"auth-{auth}",
        _ => $"{(priv == PrivProtocol.Des ? "des" : "aes")}-{auth}",
    };

    public SnmpTarget V2c(string community = Community, TimeSpan? timeout = null, int retries = 1) =>
        new(EndPoint, SnmpVersion.V2c, community, Timeout: timeout ?? TimeSpan.FromSeconds(2), Retries: retries);

    public SnmpTarget V1() => new(EndPoint, SnmpVersion.V1, Community, Timeout: TimeSpan.FromSeconds(2), Retries: 1);

    public SnmpTarget V3(string auth, SecurityLevel level, PrivProtocol priv, string authPass = AuthPass, string privPass = PrivPass, string? user = null)
    {
        var protocol = AuthProtocols.First(a => a.NetSnmp == auth).Protocol;
        var usm = new UsmCredentials(user ?? UserName(auth, level, priv), level, level == SecurityLevel.NoAuthNoPriv ? AuthProtocol.None : protocol,
            level == SecurityLevel.NoAuthNoPriv ? null : authPass, level == SecurityLevel.AuthPriv ? priv : PrivProtocol.None,
            level == SecurityLevel.AuthPriv ? privPass : null);
        return new SnmpTarget(EndPoint, SnmpVersion.V3, Usm: usm, Timeout: TimeSpan.FromSeconds(2), Retries: 1);
    }

    public async Task InitializeAsync()
    {
        var conf = Path.Combine(Directory, "snmpd.conf");
        var lines = new List<string> { $"rocommunity {Community} 127.0.0.1", $"createUser {NoAuthUser}", $"rouser -s usm {NoAuthUser} noauth" };
        foreach (var (auth, _) in AuthProtocols)
        {
            lines.Add($"createUser auth-{auth} {auth} \"{AuthPass}\"");
            lines.Add($"rouser -s usm auth-{auth} auth");
            lines.Add($"createUser des-{auth} {auth} \"{AuthPass}\" DES \"{PrivPass}\"");
            lines.Add($"rouser -s usm des-{auth} priv");
            lines.Add($"createUser aes-{auth} {auth} \"{AuthPass}\" AES \"{PrivPass}\"");
            lines.Add($"rouser -s usm aes-{auth} priv");
        }
        await File.WriteAllLinesAsync(conf, lines);
        // The tools and the agent read snmp.conf from _tools: "mibs :" loads no MIB, so output is purely numeric.

        for (var attempt = 0; attempt < 5 && _process is null; attempt++)
        {
            Port = FreePort.Udp();
            var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec snmpd -f -Lo -C -c '{conf}' udp:127.0.0.1:{Port} > '{Directory}/snmpd.log' 2>&1"]);
            Environment(start, "agent");
            var process = Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start");
            if (await AnswersAsync(process))
                _process = process;
            else if (!process.HasExited)
                process.Kill();
        }
        if (_process is null)
            throw new InvalidOperationException($"snmpd did not answer on 127.0.0.1 (is net-snmp's snmpd installed?): {await File.ReadAllTextAsync(Path.Combine(Directory, "snmpd.log"))}");
    }

    /// <summary>Runs a net-snmp tool with this fixture's environment; bounded to 60 s.</summary>
    public Task<Tool.Result> RunToolAsync(string tool, params string[] args) => _tools.RunAsync(tool, args);

    public void Environment(ProcessStartInfo start, string persistent) => _tools.Environment(start, persistent);

    private async Task<bool> AnswersAsync(Process process)
    {
        await using var client = new SnmpClient(TimeProvider.System);
        var probe = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, Port), SnmpVersion.V2c, Community, Timeout: TimeSpan.FromMilliseconds(250), Retries: 0);
        for (var i = 0; i < 40 && !process.HasExited; i++)
        {
            var result = await client.GetAsync(probe, [Oid.Parse("1.3.6.1.2.1.1.3.0")], CancellationToken.None);
            if (result.Ok)
                return true;
        }
        return false;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _tools.Dispose();
    }
}
