using System.Security.Cryptography;
using System.Text;

namespace Edge.Snmp.Usm;

/// <summary>
/// The USM authentication maths: password to key (RFC 3414 §A.2), key localization (RFC 3414 §2.6) and the
/// truncated HMACs (RFC 3414 §6.3, §7.3; RFC 7860 §4.2.1: 12 octets for MD5/SHA-1, then 16/24/32/48 for SHA-224/256/384/512).
/// </summary>
internal static class UsmAuthentication
{
    /// <summary>RFC 3414 §A.2: the password is repeated to fill one megabyte before hashing.</summary>
    private const int ExpansionLength = 1_048_576;

    public static int MacLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 or AuthProtocol.Sha1 => 12,
        AuthProtocol.Sha224 => 16,
        AuthProtocol.Sha256 => 24,
        AuthProtocol.Sha384 => 32,
        AuthProtocol.Sha512 => 48,
        _ => 0,
    };

    /// <summary>The digest length, which is also the length of a localized key.</summary>
    public static int HashLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => 16,
        AuthProtocol.Sha1 => 20,
        AuthProtocol.Sha224 => Sha224.HashLength,
        AuthProtocol.Sha256 => 32,
        AuthProtocol.Sha384 => 48,
        AuthProtocol.Sha512 => 64,
        _ => 0,
    };

    public static void Hash(AuthProtocol protocol, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        switch (protocol)
        {
            case AuthProtocol.Md5: MD5.HashData(data, destination); break;
            case AuthProtocol.Sha1: SHA1.HashData(data, destination); break;
            case AuthProtocol.Sha224: Sha224.HashData(data, destination); break;
            case AuthProtocol.Sha256: SHA256.HashData(data, destination); break;
            case AuthProtocol.Sha384: SHA384.HashData(data, destination); break;
            case AuthProtocol.Sha512: SHA512.HashData(data, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash for this protocol");
        }
    }

    /// <summary>Ku: the password hashed over its 1 MB expansion (RFC 3414 §A.2.1/§A.2.2, RFC 7860 §9.2). Slow by design; cache it.</summary>
    public static byte[] PasswordToKey(AuthProtocol protocol, string password)
    {
        var pw = Encoding.UTF8.GetBytes(password);
        if (pw.Length == 0)
            throw new ArgumentException("an empty USM password cannot make a key", nameof(password));
        var expanded = new byte[ExpansionLength];
        for (var i = 0; i < expanded.Length; i += pw.Length)
            pw.AsSpan(0, Math.Min(pw.Length, expanded.Length - i)).CopyTo(expanded.AsSpan(i));
        var key = new byte[HashLength(protocol)];
        Hash(protocol, expanded, key);
        CryptographicOperations.ZeroMemory(expanded);
        CryptographicOperations.ZeroMemory(pw);
        return key;
    }

    /// <summary>Kul = H(Ku || snmpEngineID || Ku) (RFC 3414 §2.6).</summary>
    public static byte[] Localize(AuthProtocol protocol, ReadOnlySpan<byte> ku, ReadOnlySpan<byte> engineId)
    {
        var buffer = new byte[ku.Length * 2 + engineId.Length];
        ku.CopyTo(buffer);
        engineId.CopyTo(buffer.AsSpan(ku.Length));
        ku.CopyTo(buffer.AsSpan(ku.Length + engineId.Length));
        var key = new byte[HashLength(protocol)];
        Hash(protocol, buffer, key);
        CryptographicOperations.ZeroMemory(buffer);
        return key;
    }

    /// <summary>The truncated HMAC of <paramref name="message"/> (its authentication parameters already zeroed) into <paramref name="mac"/>.</summary>
    public static void ComputeMac(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[64];
        var n = protocol switch
        {
            AuthProtocol.Md5 => HMACMD5.HashData(key, message, full),
            AuthProtocol.Sha1 => HMACSHA1.HashData(key, message, full),
            AuthProtocol.Sha224 => HmacSha224(key, message, full),
            AuthProtocol.Sha256 => HMACSHA256.HashData(key, message, full),
            AuthProtocol.Sha384 => HMACSHA384.HashData(key, message, full),
            AuthProtocol.Sha512 => HMACSHA512.HashData(key, message, full),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no HMAC for this protocol"),
        };
        full[..MacLength(protocol)].CopyTo(mac);
        full[..n].Clear();
    }

    /// <summary>HMAC (RFC 2104) over SHA-224, block 64 octets; keys here are 28 octets so never need hashing first.</summary>
    public static int HmacSha224(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> pad = stackalloc byte[Sha224.BlockLength];
        Span<byte> inner = stackalloc byte[Sha224.HashLength];
        if (key.Length > Sha224.BlockLength)
        {
            // RFC 2104 §2: longer keys are hashed first (never the case for localized SHA-224 keys).
            var hashed = new byte[Sha224.HashLength];
            Sha224.HashData(key, hashed);
            key = hashed;
        }
        var sha = new Sha224();
        pad.Fill(0x36);
        for (var i = 0; i < key.Length; i++)
            pad[i] ^= key[i];
        sha.Append(pad);
        sha.Append(message);
        sha.Finish(inner);
        pad.Fill(0x5c);
        for (var i = 0; i < key.Length; i++)
            pad[i] ^= key[i];
        sha.Append(pad);
        sha.Append(inner);
        sha.Finish(destination);
        return Sha224.HashLength;
    }
}
