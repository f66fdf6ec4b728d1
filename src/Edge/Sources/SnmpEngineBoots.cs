using System.Globalization;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>
/// snmpEngineBoots of the trap receiver's engine (RFC 3414 §2.2.2): one more at every daemon start, kept in the state
/// directory. With a stable engine ID it is what stops an inform recorded before a restart from being accepted again.
/// </summary>
public static class SnmpEngineBoots
{
    public const string FileName = "snmp-engine-boots";

    /// <summary>The next boots value, written back before it is used; throws IOException/UnauthorizedAccessException when the file cannot be.</summary>
    public static int Next(string stateDir)
    {
        var path = Path.Combine(stateDir, FileName);
        var last = File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // RFC 3414 §2.2.2: boots stop at 2^31-1, after which the engine needs a new ID (or keys).
        var next = last >= int.MaxValue - 1 ? int.MaxValue : last + 1;
        Directory.CreateDirectory(stateDir);
        var temp = path + ".tmp";
        File.WriteAllText(temp, next.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temp, path, overwrite: true);
        return next;
    }
}
