using Edge.Snmp.Client;
using Edge.Snmp.Profiles;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Polling;

/// <summary>
/// What one poll of one device gave: its readings (with <c>reachable</c>, all at one time), the profile that decoded
/// them, and, when the device did not answer, why — in words an on-call engineer can act on, never a secret.
/// </summary>
public sealed record DevicePoll(bool Reachable, IDeviceProfile? Profile, Oid? SysObjectId, DeviceReadings Readings)
{
    /// <summary>A poll that did not read the device: <c>reachable</c> 0 and nothing else, and why.</summary>
    public static DevicePoll Unreachable(string deviceId, DateTimeOffset time, string? failure, IDeviceProfile? profile = null, Oid? sysObjectId = null) =>
        new(false, profile, sysObjectId, DeviceReadings.Unreachable(deviceId, time)) { Failure = failure };

    /// <summary>Why the device counts as unreachable (timeout, v3 unknown user, wrong password …); null when it answered.</summary>
    public string? Failure { get; init; }

    public SnmpErrorKind? FailureKind { get; init; }

    /// <summary>
    /// Set when the device answered but no profile found anything to read (<c>auto</c> only): the sentence for the
    /// operator, naming the sysObjectID and the profiles tried. The profile is then <see cref="DeviceProfiles.None"/>.
    /// </summary>
    public string? NoSupportedMib { get; init; }

    /// <summary>The profile's name, <c>none</c> when no supported MIB was found, null when the device did not answer before one was chosen.</summary>
    public string? ProfileName => Profile?.Name ?? (NoSupportedMib is null ? null : DeviceProfiles.None);

    /// <summary>Subtrees whose walk stopped early (agent error, OID not increasing): their readings may be partial.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
