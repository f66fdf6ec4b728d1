using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>Varbinds written as snmprec lines, for tests of what no recording shows (a self-test, a Sentry3, a Geist).</summary>
public static class Agent
{
    public static Decoded Decode(string profile, params string[] snmprecLines) =>
        Decoded.Of(DeviceProfiles.ByName(profile) ?? throw new ArgumentException(profile), SnmprecReader.Parse(snmprecLines));
}
