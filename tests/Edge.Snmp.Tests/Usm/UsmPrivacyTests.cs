using Edge.Snmp.Usm;

namespace Edge.Snmp.Tests.Usm;

public class UsmPrivacyTests
{
    private static readonly byte[] Key = Convert.FromHexString("00112233445566778899AABBCCDDEEFF0123456789ABCDEF");
    private static readonly byte[] Salt = Convert.FromHexString("0000000500000001");

    [Theory]
    [InlineData(PrivProtocol.Des, 1)]
    [InlineData(PrivProtocol.Des, 37)]
    [InlineData(PrivProtocol.Aes128, 1)]
    [InlineData(PrivProtocol.Aes128, 37)]
    [InlineData(PrivProtocol.Aes128, 64)]
    public void What_is_encrypted_decrypts_to_the_same_octets(PrivProtocol protocol, int length)
    {
        var plain = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var cipher = UsmPrivacy.Encrypt(protocol, Key, 5, 1234, Salt, plain);
        // AES-CFB keeps the length (RFC 3826 §3.1.3); DES-CBC pads to 8 (RFC 3414 §8.1.1.2).
        Assert.Equal(protocol == PrivProtocol.Aes128 ? length : (length + 7) / 8 * 8, cipher.Length);
        Assert.NotEqual(plain, cipher.AsSpan(0, length).ToArray());
        var back = new byte[cipher.Length];
        var n = UsmPrivacy.Decrypt(protocol, Key, 5, 1234, Salt, cipher, back);
        Assert.Equal(plain, back.AsSpan(0, length).ToArray());
        Assert.True(n >= length);
    }

    [Fact]
    public void Aes_uses_engine_boots_and_time_in_its_iv()
    {
        var plain = new byte[16];
        var a = UsmPrivacy.Encrypt(PrivProtocol.Aes128, Key, 5, 1234, Salt, plain);
        var b = UsmPrivacy.Encrypt(PrivProtocol.Aes128, Key, 5, 1235, Salt, plain);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_des_ciphertext_that_is_not_whole_blocks_or_a_short_salt_is_refused()
    {
        var dest = new byte[64];
        Assert.Equal(-1, UsmPrivacy.Decrypt(PrivProtocol.Des, Key, 0, 0, Salt, new byte[9], dest));
        Assert.Equal(-1, UsmPrivacy.Decrypt(PrivProtocol.Des, Key, 0, 0, Salt.AsSpan(0, 7), new byte[8], dest));
        Assert.Equal(-1, UsmPrivacy.Decrypt(PrivProtocol.Aes128, Key, 0, 0, Salt, new byte[65], dest));
    }
}
