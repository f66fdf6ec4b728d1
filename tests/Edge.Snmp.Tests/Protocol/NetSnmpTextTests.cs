using Edge.Snmp.Protocol;

namespace Edge.Snmp.Tests.Protocol;

/// <summary>Values whose net-snmp text is not obvious from the type, checked against what snmpget prints.</summary>
public sealed class NetSnmpTextTests
{
    [Fact]
    public void A_float_in_an_opaque_prints_as_net_snmp_unwraps_it()
    {
        // UCD-SNMP-MIB::laLoadFloat as net-snmp's snmpd sends 0.03: Opaque { 9F 78 04 <IEEE single, big-endian> }.
        var value = new SnmpValue(SnmpType.Opaque, Bytes: [0x9F, 0x78, 0x04, 0x3C, 0xF5, 0xC2, 0x8F]);
        Assert.Equal("Opaque: Float: 0.030000", NetSnmpText.FormatValue(value));
    }

    [Fact]
    public void Any_other_opaque_is_a_hex_dump()
    {
        Assert.Equal("OPAQUE: 01 02 ", NetSnmpText.FormatValue(new SnmpValue(SnmpType.Opaque, Bytes: [1, 2])));
    }

    [Fact]
    public void Timeticks_and_strings_print_as_snmpbulkwalk_prints_them()
    {
        Assert.Equal(".1.3.6.1.2.1.1.3.0 = Timeticks: (8640123) 1 day, 0:00:01.23",
            NetSnmpText.Format(new VarBind(Oid.Parse("1.3.6.1.2.1.1.3.0"), new SnmpValue(SnmpType.TimeTicks, Number: 8_640_123))));
        Assert.Equal("STRING: \"a \\\"b\\\" \\\\\"", NetSnmpText.FormatValue(SnmpValue.Str("a \"b\" \\")));
    }
}
