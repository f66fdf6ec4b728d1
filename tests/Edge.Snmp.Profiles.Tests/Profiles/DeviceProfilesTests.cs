using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles.Tests.Profiles;

public class DeviceProfilesTests
{
    [Theory]
    [InlineData("1.3.6.1.4.1.318.1.3.27", "apc-ups")]
    [InlineData("1.3.6.1.4.1.318.1.3.2.11", "apc-ups")]
    [InlineData("1.3.6.1.4.1.318.1.3.4.6", "apc-rpdu2")]
    [InlineData("1.3.6.1.4.1.318.1.3.4.5", "apc-rpdu2")]
    [InlineData("1.3.6.1.4.1.318.1.3.4.8", "apc-rpdu2")]
    [InlineData("1.3.6.1.4.1.318.1.3.4.9", "apc-epdu")]  // masterSwitchePDU: LibreNMS apc-epdu.yaml
    [InlineData("1.3.6.1.4.1.318.1.3.8.4", "apc-env")]
    [InlineData("1.3.6.1.4.1.13742.6", "raritan-pdu2")]
    [InlineData("1.3.6.1.4.1.1718.3", "sentry3")]
    [InlineData("1.3.6.1.4.1.1718.4", "sentry4")]
    [InlineData("1.3.6.1.4.1.534.6.6.7", "eaton-epdu")]
    [InlineData("1.3.6.1.4.1.534.1", "eaton-ups")]
    [InlineData("1.3.6.1.4.1.3808.1.1.1", "cyberpower")]
    [InlineData("1.3.6.1.4.1.3808.1.1.3", "cyberpower")]
    [InlineData("1.3.6.1.4.1.3808", "cyberpower")]
    [InlineData("1.3.6.1.4.1.21239.5.1", "geist-watchdog")]
    [InlineData("1.3.6.1.4.1.21239.42.1.53", "vertiv-geist-pdu")]
    [InlineData("1.3.6.1.2.1.33", "rfc1628")]
    [InlineData("1.3.6.1.4.1.3854.1", "akcp-sensorprobe")]
    [InlineData("1.3.6.1.4.1.3854", "akcp-sensorprobe")]
    [InlineData("1.3.6.1.4.1.2606.7", "rittal-cmc3")]
    [InlineData("1.3.6.1.4.1.850.1.1.1", "tripplite")]
    [InlineData("1.3.6.1.4.1.476.1.42", "liebert")]
    [InlineData("1.3.6.1.4.1.38446.1", "enlogic-pdu")]
    [InlineData("1.3.6.1.4.1.19536.10.1", "panduit-pdu")]
    public void Auto_picks_the_longest_matching_sysObjectID_prefix(string sysObjectId, string profile)
    {
        Assert.Equal(profile, DeviceProfiles.Resolve(Oid.Parse(sysObjectId)).Name);
    }

    [Theory]
    [InlineData("1.3.6.1.4.1.8072.3.2.10")] // net-snmp on Linux
    [InlineData("1.3.6.1.4.1.850.1.5")]     // Tripp Lite console server: not a PowerAlert device
    [InlineData("1.3.6.1.4.1.318")]         // bare APC (old MasterSwitch)
    public void A_device_no_profile_matches_gets_rfc1628(string sysObjectId)
    {
        Assert.Equal("rfc1628", DeviceProfiles.Resolve(Oid.Parse(sysObjectId)).Name);
        Assert.Equal("rfc1628", DeviceProfiles.Resolve(null).Name);
    }

    [Fact]
    public void Profile_names_are_unique_and_auto_is_one_of_the_choices()
    {
        Assert.Equal(DeviceProfiles.Names.Count, DeviceProfiles.Names.Distinct().Count());
        Assert.Equal("auto", DeviceProfiles.Names[0]);
    }
}
