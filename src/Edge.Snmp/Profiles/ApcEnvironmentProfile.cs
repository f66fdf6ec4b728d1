using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// APC environmental monitors (EMU, NetBotz Rack Monitor 200, sysObjectID <c>318.1.3.8.*</c>): their probes through
/// the iem, uio and mem tables (<see cref="ApcProbes"/>). Source: PowerNet-MIB via spec/snmp-mibs.md §2d.
/// </summary>
internal sealed class ApcEnvironmentProfile : IDeviceProfile
{
    public string Name => "apc-env";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.318.1.3.8")];

    public IReadOnlyList<Oid> Subtrees => ApcProbes.Subtrees;

    public void Decode(VarBindTable table, DeviceReadings readings) => ApcProbes.Decode(table, readings);
}
