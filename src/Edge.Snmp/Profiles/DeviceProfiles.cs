using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>Every device profile, and the choice of one for a device: by name, or (<c>auto</c>) by sysObjectID.</summary>
public static class DeviceProfiles
{
    public const string Auto = "auto";

    /// <summary>What <c>auto</c> reports for a device that answers but speaks no MIB any profile reads; not a configurable profile.</summary>
    public const string None = "none";

    public static IReadOnlyList<IDeviceProfile> All { get; } =
    [
        new Rfc1628UpsProfile(),
        new ApcSmartUpsProfile(),
        new ApcRackPduProfile(),
        new ApcEasyPduProfile(),
        new ApcEnvironmentProfile(),
        new RaritanPdu2Profile(),
        new ServerTechSentry3Profile(),
        new ServerTechSentry4Profile(),
        new EatonEpduProfile(),
        new EatonUpsProfile(),
        new CyberPowerProfile(),
        new GeistWatchdogProfile(),
        new VertivGeistPduProfile(),
        new AkcpSensorProbeProfile(),
        new RittalCmcIIIProfile(),
        new TrippLiteProfile(),
        new LiebertProfile(),
        new EnlogicPduProfile(),
        new PanduitPduProfile(),
    ];

    /// <summary>The names accepted by <c>"profile"</c>: <c>auto</c> and every profile's name.</summary>
    public static IReadOnlyList<string> Names { get; } = [Auto, .. All.Select(p => p.Name)];

    /// <summary>The RFC 1628 profile: what a device no other profile matches gets, and what <c>auto</c> tries after a matched profile that read nothing.</summary>
    public static IDeviceProfile Fallback { get; } = All[0];

    public static IDeviceProfile? ByName(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The profile whose sysObjectID prefix is the longest match (spec/snmp-mibs.md §0), else <see cref="Fallback"/>.</summary>
    public static IDeviceProfile Resolve(Oid? sysObjectId)
    {
        if (sysObjectId is null)
            return Fallback;
        IDeviceProfile? best = null;
        var bestLength = -1;
        foreach (var profile in All)
        {
            foreach (var prefix in profile.SysObjectIds)
            {
                if (prefix.Length > bestLength && sysObjectId.StartsWith(prefix))
                {
                    best = profile;
                    bestLength = prefix.Length;
                }
            }
        }
        return best ?? Fallback;
    }
}
