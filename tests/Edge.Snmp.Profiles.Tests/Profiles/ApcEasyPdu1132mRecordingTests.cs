using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// apc-epdu_epdu1132m: APC Easy PDU EPDU1132M (firmware Ver11.10) reporting sysObjectID 1.3.6.1.4.1.0. Its walk has no
/// PowerNet ePDU group at all: its measurements are DisplayStrings with units ("232.6V", "0.30A", "0.061kW", "2.28kWh")
/// under 1.3.6.1.4.1.1.1, an arc no published MIB defines. LibreNMS finds no sensor in it either
/// (tests/data/apc-epdu_epdu1132m.json has no sensors section).
/// </summary>
public class ApcEasyPdu1132mRecordingTests
{
    private const string Name = "apc-epdu_epdu1132m";

    [RecordingFact]
    public void Auto_finds_no_vendor_profile_for_its_sysObjectID()
    {
        Assert.Equal("rfc1628", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void The_easy_pdu_profile_chosen_by_hand_reads_nothing_from_it()
    {
        var d = Decoded.Recording(Name, profileName: "apc-epdu");

        Assert.Equal(0, d.Readings.Count);
    }
}
