using System.Net;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Client;

/// <summary>One agent and how to talk to it. <see cref="ToString"/> redacts the community and the v3 keys.</summary>
public sealed record SnmpTarget(IPEndPoint EndPoint, SnmpVersion Version, string Community = "public", UsmCredentials? Usm = null, TimeSpan? Timeout = null, int Retries = 2)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;

    /// <summary>How the target is named in messages: address, port and version (and the v3 user), nothing secret.</summary>
    public string Describe() => Version == SnmpVersion.V3 && Usm is not null
        ? $"{EndPoint} (v3 user '{Usm.User}', {Usm.Level})"
        : $"{EndPoint} ({VersionName})";

    private string VersionName => Version switch { SnmpVersion.V1 => "v1", SnmpVersion.V2c => "v2c", _ => "v3" };

    public override string ToString() =>
        $"SnmpTarget {{ EndPoint = {EndPoint}, Version = {Version}, Community = ***, Usm = {Usm?.ToString() ?? "(none)"}, Timeout = {EffectiveTimeout}, Retries = {Retries} }}";
}
