using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Tests.Ber;

public class OidCodecTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.1.1.0", "2B06010201010100")]
    [InlineData("1.3.6.1.4.1.318.1.1.12", "2B06010401823E01010C")]
    [InlineData("0.0", "00")]
    [InlineData("2.999.3", "883703")]
    [InlineData("1.3.6.1.4294967295", "2B06018FFFFFFF7F")]
    public void An_oid_encodes_to_the_octets_X690_specifies_and_decodes_back(string text, string hex)
    {
        var oid = Oid.Parse(text);
        Span<byte> buffer = stackalloc byte[OidCodec.MaxEncodedLength];
        var n = OidCodec.Encode(oid.Arcs, buffer);
        Assert.Equal(hex, Convert.ToHexString(buffer[..n]));
        Assert.True(OidCodec.TryDecode(Convert.FromHexString(hex), out var back));
        Assert.Equal(oid, back);
        Assert.True(OidCodec.EncodedEquals(Convert.FromHexString(hex), oid));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("2B0681", "ends inside a sub-identifier")]
    [InlineData("2B0690808080800F", "arc needs more than 5 octets")]
    [InlineData("2B06908080807F", "arc above 2^32-1")]
    public void A_bad_oid_is_refused_not_truncated(string hex, string why)
    {
        Assert.False(OidCodec.TryDecode(Convert.FromHexString(hex), out _), why);
    }

    [Fact]
    public void An_oid_of_more_than_128_arcs_is_refused()
    {
        var ok = new byte[127];
        ok[0] = 0x2B; // 1.3 plus 126 more arcs = 128
        Assert.True(OidCodec.TryDecode(ok, out var max));
        Assert.Equal(128, max!.Length);
        Assert.False(OidCodec.TryDecode(new byte[128], out _));
    }

    [Fact]
    public void Oids_that_cannot_be_encoded_are_reported_not_thrown()
    {
        Assert.Equal(-1, OidCodec.Encode(Oid.Parse("3.1").Arcs, new byte[16]));
        Assert.Equal(-1, OidCodec.Encode(Oid.Parse("1.40").Arcs, new byte[16]));
        Assert.False(MessageEncoder.IsEncodable(Oid.Parse("1.40.1")));
        Assert.True(MessageEncoder.IsEncodable(Oid.Parse("1")));
    }
}
