using System.Text;
using Edge.Core.Configuration;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Configuration;

/// <summary>
/// One configured SNMP device (interfaces.md, <c>snmp[]</c>). <see cref="ToString"/> never shows the community or the
/// v3 keys: options end up in logs and exception messages. Defaults live in <see cref="SnmpReader"/>.
/// </summary>
public sealed record SnmpDeviceOptions(string Id, string Host, int Port, SnmpVersion Version, TimeSpan Interval)
{
    public string Community { get; init; } = SnmpReader.DefaultCommunity;

    /// <summary><c>auto</c> (by sysObjectID) or a profile name of <see cref="Profiles.DeviceProfiles"/>.</summary>
    public string Profile { get; init; } = Profiles.DeviceProfiles.Auto;

    public TimeSpan Timeout { get; init; } = SnmpReader.DefaultTimeout;
    public int Retries { get; init; } = SnmpReader.DefaultRetries;

    /// <summary>SNMPv3 user, level, protocols, passphrases and context; null for v1/v2c.</summary>
    public UsmCredentials? Usm { get; init; }

    /// <summary>Series this device may produce; sizes its share of the series memory budget.</summary>
    public int MaxSeries { get; init; } = SnmpReader.DefaultMaxSeries;

    /// <summary>Where in the configuration this device was defined, e.g. <c>$.snmp[1]</c>.</summary>
    public string ConfigPath { get; init; } = "$.snmp";

    /// <summary>How long a poll can wait before the device counts as unreachable: every try's timeout.</summary>
    public TimeSpan GiveUpAfter => Timeout * (Retries + 1);

    public SourceDescriptor Descriptor => new(Id, SourceKind.SnmpDevice, Interval, MaxSeries);

    public SnmpTarget Target(System.Net.IPEndPoint endPoint) => new(endPoint, Version, Community, Usm, Timeout, Retries);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = {Id}, Host = {Host}, Port = {Port}, Version = {Version}, Interval = {Interval}, Community = ***, Profile = {Profile}, ");
        builder.Append($"Timeout = {Timeout}, Retries = {Retries}, Usm = {Usm?.ToString() ?? "(none)"}, MaxSeries = {MaxSeries}");
        return true;
    }
}
