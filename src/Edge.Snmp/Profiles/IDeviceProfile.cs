using Edge.Core.Sources;
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

    /// <summary>Whether this profile is the right one for a device whose sysObjectID is <paramref name="sysObjectId"/>.</summary>
    bool Matches(Oid sysObjectId);

    /// <summary>The subtrees a poll walks (or the scalars it gets) for this profile.</summary>
    IReadOnlyList<Oid> Subtrees { get; }

    /// <summary>Writes the device's readings; a sentinel (−1, −273, 999, notInstalled …) or a missing object writes nothing.</summary>
    void Decode(VarBindTable table, string deviceId, DateTimeOffset time, IReadingSink sink);
}
