using Edge.Core.Readings;
using Edge.Snmp.Client;
using Edge.Snmp.Profiles;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Polling;

/// <summary>
/// One poll of one device: choose the profile (given, or by sysObjectID), walk its subtrees with the shared client,
/// decode. Used by the daemon's <see cref="SnmpDeviceSource"/> and by <c>edge snmp read</c>, so both read a device
/// the same way. Every reading of the poll, <c>reachable</c> included, carries the one time taken when the last answer
/// was in: the rule engine pairs temperature and humidity only when their times agree.
/// </summary>
public sealed class DevicePoller(SnmpClient client, TimeProvider time)
{
    public static readonly Oid SysObjectId = Oid.Parse("1.3.6.1.2.1.1.2.0");

    /// <param name="profile">The profile to use; null to resolve it from the device's sysObjectID (<c>auto</c>).</param>
    /// <remarks>
    /// With <c>auto</c>, a matched profile that finds nothing to read is followed by RFC 1628 (many UPS cards report a
    /// vendor or generic sysObjectID and speak only UPS-MIB); when that finds nothing either, the device has no
    /// supported MIB: the poll says so (profile none, the sysObjectID, the profiles tried) and reads only
    /// <c>reachable</c>, rather than claiming a profile that read nothing.
    /// </remarks>
    public async Task<DevicePoll> PollAsync(string deviceId, SnmpTarget target, IDeviceProfile? profile, CancellationToken ct)
    {
        Oid? sysObjectId = null;
        var auto = profile is null;
        if (profile is null)
        {
            var ident = await client.GetAsync(target, [SysObjectId], ct).ConfigureAwait(false);
            if (Unreachable(ident.Error))
                return Failed(deviceId, ident.Error!, null, null);
            // An agent that answers but refuses sysObjectID (v1 noSuchName, a restricted view) is reachable; RFC 1628 is tried.
            sysObjectId = ident.VarBinds.FirstOrDefault(v => v.Oid == SysObjectId).Value.OidValue;
            profile = DeviceProfiles.Resolve(sysObjectId);
        }

        var warnings = new List<string>();
        var tried = new List<string>();
        while (true)
        {
            var table = new VarBindTable();
            foreach (var subtree in profile.Subtrees)
            {
                // The streaming walk: each varbind goes straight into the table as its answer comes in, no list per subtree.
                var walk = await client.WalkAsync(target, subtree, SnmpClient.DefaultMaxRepetitions, table.Add, ct).ConfigureAwait(false);
                if (Unreachable(walk.Error))
                    return Failed(deviceId, walk.Error!, profile, sysObjectId);
                if (walk.Error is { } partial)
                    warnings.Add($"{subtree}: {partial.Message}");
            }

            var readings = new DeviceReadings(deviceId, time.GetUtcNow());
            profile.Decode(table, readings);
            tried.Add(profile.Name);
            if (readings.UnavailableReason is { } reason)
            {
                return DevicePoll.Unreachable(deviceId, readings.Time, reason, profile, sysObjectId) with { Warnings = warnings };
            }
            if (readings.Count > 0 || !auto)
            {
                readings.Set(Metrics.Reachable, 1);
                return new DevicePoll(true, profile, sysObjectId, readings) { Warnings = warnings };
            }
            if (profile == DeviceProfiles.Fallback)
            {
                readings.Set(Metrics.Reachable, 1);
                return new DevicePoll(true, null, sysObjectId, readings)
                {
                    NoSupportedMib = $"no supported MIB: sysObjectID {sysObjectId?.ToString() ?? "(not answered)"}; profiles tried: {string.Join(", ", tried)} " +
                        "found nothing to read, so only reachable is reported",
                    Warnings = warnings,
                };
            }
            profile = DeviceProfiles.Fallback;
        }
    }

    /// <summary>No answer, or an answer that proves nothing (v3 security failures): the device is not being read.</summary>
    private static bool Unreachable(SnmpError? error) =>
        error is not null && error.Kind is not (SnmpErrorKind.ErrorStatus or SnmpErrorKind.NotIncreasing);

    private DevicePoll Failed(string deviceId, SnmpError error, IDeviceProfile? profile, Oid? sysObjectId) =>
        DevicePoll.Unreachable(deviceId, time.GetUtcNow(), Describe(error), profile, sysObjectId) with { FailureKind = error.Kind };

    /// <summary>The failure as the on-call engineer needs it: SNMPv3 report PDUs say exactly what is wrong.</summary>
    public static string Describe(SnmpError error) => error.Kind switch
    {
        SnmpErrorKind.UnknownUser => $"SNMPv3 unknown user (usmStatsUnknownUserNames): {error.Message}",
        SnmpErrorKind.WrongDigest => $"SNMPv3 wrong authentication password or protocol (usmStatsWrongDigests): {error.Message}",
        SnmpErrorKind.NotInTimeWindow => $"SNMPv3 not in time window (usmStatsNotInTimeWindows): {error.Message}",
        SnmpErrorKind.UnknownEngine => $"SNMPv3 unknown engine (usmStatsUnknownEngineIDs / discovery failed): {error.Message}",
        SnmpErrorKind.DecryptionError => $"SNMPv3 wrong privacy password or protocol (usmStatsDecryptionErrors): {error.Message}",
        SnmpErrorKind.UnsupportedSecurityLevel => $"SNMPv3 security level not allowed for this user (usmStatsUnsupportedSecLevels): {error.Message}",
        SnmpErrorKind.Timeout => $"no answer (timeout after every retry): {error.Message}",
        _ => error.Message,
    };
}
