using System.Security.Cryptography;
using System.Text;

namespace Edge.Snmp.Traps;

/// <summary>The receiver's own snmpEngineID (RFC 3411 §5), the engine v3 informs are sent to.</summary>
public static class LocalEngine
{
    /// <summary>
    /// A stable engine ID from a name (the appliance id): first bit 1, enterprise 0, format 5 (octets, administratively
    /// assigned), then 8 octets of SHA-256(name). Stable so a sender configured with it keeps working across restarts.
    /// </summary>
    public static byte[] DefaultId(string name)
    {
        var id = new byte[13];
        id[0] = 0x80;
        id[4] = 5;
        SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 8).CopyTo(id.AsSpan(5));
        return id;
    }
}
