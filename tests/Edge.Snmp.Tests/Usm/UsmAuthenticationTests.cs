using System.Text;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Tests.Usm;

public class UsmAuthenticationTests
{
    private static readonly byte[] Rfc3414EngineId = Convert.FromHexString("000000000000000000000002");

    [Fact]
    public void Md5_password_to_key_and_localization_give_the_values_of_RFC_3414_A_3_1()
    {
        var ku = UsmAuthentication.PasswordToKey(AuthProtocol.Md5, "maplesyrup");
        Assert.Equal("9FAF3283884E92834EBC9847D8EDD963", Convert.ToHexString(ku));
        Assert.Equal("526F5EED9FCCE26F8964C2930787D82B", Convert.ToHexString(UsmAuthentication.Localize(AuthProtocol.Md5, ku, Rfc3414EngineId)));
    }

    [Fact]
    public void Sha1_password_to_key_and_localization_give_the_values_of_RFC_3414_A_3_2()
    {
        var ku = UsmAuthentication.PasswordToKey(AuthProtocol.Sha1, "maplesyrup");
        Assert.Equal("9FB5CC0381497B3793528939FF788D5D79145211", Convert.ToHexString(ku));
        Assert.Equal("6695FEBC9288E36282235FC7151F128497B38F3F", Convert.ToHexString(UsmAuthentication.Localize(AuthProtocol.Sha1, ku, Rfc3414EngineId)));
    }

    [Theory]
    [InlineData("abc", "23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388B16512776CC5DBA5DA1FD890150B0C6455CB4F58B1952522525")]
    [InlineData("", "D14A028C2A3A2BC9476102BB288234C415A2B01F828EA62AC5B3E42F")]
    public void Sha224_gives_the_FIPS_180_test_vectors(string message, string digest)
    {
        var output = new byte[Sha224.HashLength];
        Sha224.HashData(Encoding.ASCII.GetBytes(message), output);
        Assert.Equal(digest, Convert.ToHexString(output));
    }

    [Fact]
    public void Sha224_of_a_million_a_fed_in_odd_pieces_gives_the_FIPS_vector()
    {
        var sha = new Sha224();
        var chunk = Encoding.ASCII.GetBytes(new string('a', 997));
        var left = 1_000_000;
        while (left > 0)
        {
            var n = Math.Min(left, chunk.Length);
            sha.Append(chunk.AsSpan(0, n));
            left -= n;
        }
        var output = new byte[Sha224.HashLength];
        sha.Finish(output);
        Assert.Equal("20794655980C91D8BBB4C1EA97618A4BF03F42581948B2EE4EE7AD67", Convert.ToHexString(output));
    }

    [Theory]
    [InlineData("0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B", "4869205468657265", "896FB1128ABBDF196832107CD49DF33F47B4B1169912BA4F53684B22")]
    [InlineData("4A656665", "7768617420646F2079612077616E7420666F72206E6F7468696E673F", "A30E01098BC6DBBF45690F3A7E9E6D0F8BBEA2A39E6148008FD05E44")]
    public void Hmac_sha224_gives_the_RFC_4231_test_vectors(string key, string data, string mac)
    {
        var output = new byte[Sha224.HashLength];
        UsmAuthentication.HmacSha224(Convert.FromHexString(key), Convert.FromHexString(data), output);
        Assert.Equal(mac, Convert.ToHexString(output));
    }

    [Theory]
    [InlineData(AuthProtocol.Md5, 12)]
    [InlineData(AuthProtocol.Sha1, 12)]
    [InlineData(AuthProtocol.Sha224, 16)]
    [InlineData(AuthProtocol.Sha256, 24)]
    [InlineData(AuthProtocol.Sha384, 32)]
    [InlineData(AuthProtocol.Sha512, 48)]
    public void Macs_are_truncated_to_the_lengths_of_RFC_3414_and_RFC_7860(AuthProtocol protocol, int length)
    {
        Assert.Equal(length, UsmAuthentication.MacLength(protocol));
        var key = UsmAuthentication.Localize(protocol, UsmAuthentication.PasswordToKey(protocol, "authpass123"), Rfc3414EngineId);
        var mac = new byte[length];
        UsmAuthentication.ComputeMac(protocol, key, "message"u8, mac);
        Assert.Contains(mac, b => b != 0);
    }
}
