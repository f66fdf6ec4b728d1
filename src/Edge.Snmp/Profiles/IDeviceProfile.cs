using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Maps one vendor MIB onto the normalized readings (spec/interfaces.md). Decoding is a pure function of what was
/// fetched, so a profile is tested on a recording without a socket.
/// </summary>
public interface IDeviceProfile
{
    /// <summary>The name shown by <c>edge snmp read</c> and accepted by <c>"profile"</c> in the configuration.</summary>
    string Name { get; }

    /// <summary>The sysObjectID prefixes of the devices this profile is for; the longest matching prefix wins (<see cref="DeviceProfiles.Resolve"/>).</summary>
    IReadOnlyList<Oid> SysObjectIds { get; }

    /// <summary>Whether this profile is the right one for a device whose sysObjectID is <paramref name="sysObjectId"/>.</summary>
    bool Matches(Oid sysObjectId) => SysObjectIds.Any(sysObjectId.StartsWith);

    /// <summary>The subtrees a poll walks for this profile.</summary>
    IReadOnlyList<Oid> Subtrees { get; }

    /// <summary>Adds the device's readings; a sentinel (−1, −273, 999, notInstalled …) or a missing object adds nothing.</summary>
    void Decode(VarBindTable table, DeviceReadings readings);
}
