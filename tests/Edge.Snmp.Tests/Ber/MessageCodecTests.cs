using System.Text;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Tests.Ber;

public class MessageCodecTests
{
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");

    [Fact]
    public void A_v2c_get_request_encodes_octet_for_octet_as_RFC_1901_and_3416_lay_it_out()
    {
        var bytes = MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, Pdu.Request(PduType.GetRequest, 1, [SysDescr]));
        // SEQUENCE { INTEGER 1, OCTET STRING "public", [0] { id 1, status 0, index 0, SEQUENCE { SEQUENCE { OID, NULL } } } }
        Assert.Equal("302602010104067075626C6963A019020101020100020100300E300C06082B060102010101000500", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Every_value_type_survives_an_encode_decode_round_trip()
    {
        VarBind[] values =
        [
            new(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.Str("PX2 030400")),
            new(Oid.Parse("1.3.6.1.2.1.1.2.0"), new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse("1.3.6.1.4.1.318.1.3.27"))),
            new(Oid.Parse("1.3.6.1.2.1.1.3.0"), new SnmpValue(SnmpType.TimeTicks, Number: 4294967295, Unsigned: 4294967295)),
            new(Oid.Parse("1.3.6.1.2.1.2.1.0"), SnmpValue.Int(-2147483648)),
            new(Oid.Parse("1.3.6.1.2.1.2.2.1.5.1"), new SnmpValue(SnmpType.Gauge32, Number: 10000000, Unsigned: 10000000)),
            new(Oid.Parse("1.3.6.1.2.1.2.2.1.10.1"), new SnmpValue(SnmpType.Counter32, Number: 2147483648, Unsigned: 2147483648)),
            new(Oid.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), new SnmpValue(SnmpType.Counter64, Number: long.MaxValue, Unsigned: ulong.MaxValue)),
            new(Oid.Parse("1.3.6.1.2.1.4.20.1.1.127.0.0.1"), new SnmpValue(SnmpType.IpAddress, Bytes: [127, 0, 0, 1])),
            new(Oid.Parse("1.3.6.1.2.1.2.2.1.6.2"), new SnmpValue(SnmpType.OctetString, Bytes: [0xBA, 0x3F, 0x00])),
            new(Oid.Parse("1.3.6.1.4.1.3808.1.1.1.2.2.3.0"), new SnmpValue(SnmpType.Null)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.1.0"), new SnmpValue(SnmpType.NoSuchObject)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.2.0"), new SnmpValue(SnmpType.NoSuchInstance)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.3.0"), new SnmpValue(SnmpType.EndOfMibView)),
        ];
        var bytes = MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "c"u8, new Pdu(PduType.Response, 77, values, 2, 3));

        Assert.Equal(DecodeError.None, MessageDecoder.DecodeCommunity(bytes, out var message));
        Assert.Equal(SnmpVersion.V2c, message.Version);
        Assert.Equal("c", Encoding.ASCII.GetString(message.Community));
        Assert.Equal(PduType.Response, message.Pdu.Type);
        Assert.Equal((77, 2, 3), (message.Pdu.RequestId, message.Pdu.ErrorStatus, message.Pdu.ErrorIndex));
        var decoded = new List<VarBind>();
        Assert.Equal(DecodeError.None, message.Pdu.ReadVarBinds(decoded));
        Assert.Equal(values.Length, decoded.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i].Oid, decoded[i].Oid);
            Assert.Equal(values[i].Value.Type, decoded[i].Value.Type);
            Assert.Equal(values[i].Value.ToString(), decoded[i].Value.ToString());
            Assert.Equal(values[i].Value.Bytes ?? [], decoded[i].Value.Bytes ?? []);
        }
    }

    [Fact]
    public void A_v1_trap_keeps_enterprise_agent_address_trap_numbers_and_timestamp()
    {
        var trap = new TrapV1(Oid.Parse("1.3.6.1.4.1.318"), [10, 0, 0, 5], 6, 5, 12345);
        var pdu = new Pdu(PduType.TrapV1, 0, [new VarBind(Oid.Parse("1.3.6.1.4.1.318.2.3.3.0"), SnmpValue.Str("UPS: On battery power"))], trapV1: trap);
        var bytes = MessageEncoder.EncodeCommunity(SnmpVersion.V1, "public"u8, pdu);

        Assert.Equal(DecodeError.None, MessageDecoder.DecodeCommunity(bytes, out var message));
        Assert.Equal(DecodeError.None, message.Pdu.ToPdu(out var back));
        Assert.Equal(trap.Enterprise, back!.TrapV1!.Enterprise);
        Assert.Equal(trap.AgentAddress, back.TrapV1.AgentAddress);
        Assert.Equal((6, 5, 12345u), (back.TrapV1.GenericTrap, back.TrapV1.SpecificTrap, back.TrapV1.TimeStamp));
        Assert.Equal("UPS: On battery power", back.VarBinds[0].Value.Text);
    }

    [Fact]
    public void The_match_id_is_the_request_id_for_v2c()
    {
        var bytes = MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, Pdu.Request(PduType.GetRequest, 123456789, [SysDescr]));
        Assert.Equal(DecodeError.None, MessageDecoder.PeekMatchId(bytes, out var version, out var id));
        Assert.Equal((SnmpVersion.V2c, 123456789), (version, id));
    }

    [Theory]
    [InlineData("3080", DecodeError.BadLength)] // indefinite length is forbidden in SNMP
    [InlineData("3085FFFFFFFFFF", DecodeError.BadLength)] // 5 length octets
    [InlineData("3084FFFFFFFF", DecodeError.BadLength)] // 4 GB claimed by a 6-octet datagram
    [InlineData("30", DecodeError.Truncated)]
    [InlineData("3F0100", DecodeError.UnexpectedTag)] // high-tag-number form
    [InlineData("3003020102", DecodeError.UnsupportedVersion)] // version 2 does not exist
    [InlineData("3003020901", DecodeError.BadLength)] // an INTEGER longer than its SEQUENCE
    [InlineData("300B0209010101010101010101", DecodeError.BadInteger)] // a 9-octet version
    [InlineData("30030201010000", DecodeError.TrailingData)]
    public void Broken_framing_is_a_decode_error_not_an_exception(string hex, DecodeError expected)
    {
        Assert.Equal(expected, MessageDecoder.DecodeCommunity(Convert.FromHexString(hex), out _));
    }

    [Fact]
    public void Unsigned_types_read_a_negative_encoding_as_net_snmp_does_and_refuse_overflow()
    {
        Assert.True(BerInteger.TryDecodeUnsigned([0xFF, 0xFF, 0xFF, 0xFF], 32, out var wrapped));
        Assert.Equal(4294967295UL, wrapped);
        Assert.True(BerInteger.TryDecodeUnsigned([0x00, 0xFF, 0xFF, 0xFF, 0xFF], 32, out var padded));
        Assert.Equal(4294967295UL, padded);
        Assert.False(BerInteger.TryDecodeUnsigned([0x01, 0x00, 0x00, 0x00, 0x00], 32, out _));
        Assert.False(BerInteger.TryDecodeSigned([], out _));
        Assert.False(BerInteger.TryDecodeSigned([0x01, 0, 0, 0, 0, 0, 0, 0, 0], out _));
        Assert.True(BerInteger.TryDecodeSigned([0xFF, 0x7F], out var negative));
        Assert.Equal(-129, negative);
    }
}
