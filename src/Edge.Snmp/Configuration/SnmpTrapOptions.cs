using System.Net;
using System.Text;
using Edge.Snmp.Client;

namespace Edge.Snmp.Configuration;

/// <summary>
/// The <c>snmpTraps</c> section (docs/snmp.md): where the trap receiver listens and which credentials it accepts
/// besides each configured device's own. <see cref="ToString"/> never shows a community or a key.
/// </summary>
public sealed record SnmpTrapOptions(IPEndPoint Listen)
{
    /// <summary>Communities accepted from every configured device (each device's own community is accepted from it anyway).</summary>
    public IReadOnlyList<string> Communities { get; init; } = [];

    /// <summary>SNMPv3 users accepted from every configured device (each v3 device's own user is accepted from it anyway).</summary>
    public IReadOnlyList<UsmCredentials> Users { get; init; } = [];

    /// <summary>Our snmpEngineID for v3 informs (we are their authoritative engine); null: derived from the appliance id.</summary>
    public byte[]? EngineId { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Listen = {Listen}, Communities = {Communities.Count} (redacted), Users = [{string.Join(", ", Users.Select(u => u.User))}], ");
        builder.Append($"EngineId = {(EngineId is null ? "(default)" : Convert.ToHexString(EngineId))}");
        return true;
    }
}
