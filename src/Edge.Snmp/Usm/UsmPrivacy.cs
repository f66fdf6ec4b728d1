using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Edge.Snmp.Usm;

/// <summary>
/// USM privacy: CBC-DES (RFC 3414 §8.1.1) and CFB128-AES-128 (RFC 3826 §3.1). Both take the first key octets from
/// the localized privacy key; DES takes its pre-IV from octets 8–15.
/// </summary>
internal static class UsmPrivacy
{
    public const int SaltLength = 8;

    /// <summary>
    /// Encrypts a scoped PDU. <paramref name="salt"/> (8 octets, sent as msgPrivacyParameters) must never repeat under one
    /// key: DES builds it from engineBoots and a counter (§8.1.1.1), AES from a 64-bit counter (RFC 3826 §3.1.2.1).
    /// </summary>
    public static byte[] Encrypt(PrivProtocol protocol, byte[] privKey, int engineBoots, int engineTime, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> iv = stackalloc byte[16];
        switch (protocol)
        {
            case PrivProtocol.Des:
            {
                DesIv(privKey, salt, iv[..8]);
                // §8.1.1.2: pad to a multiple of 8; the receiver's BER decoder ignores the padding.
                var padded = new byte[(plaintext.Length + 7) / 8 * 8];
                plaintext.CopyTo(padded);
                using var des = DES.Create();
                des.Key = privKey.AsSpan(0, 8).ToArray();
                return des.EncryptCbc(padded, iv[..8], PaddingMode.None);
            }
            case PrivProtocol.Aes128:
            {
                AesIv(engineBoots, engineTime, salt, iv);
                // CFB is a stream mode: encrypt whole blocks and keep as many octets as the plaintext has.
                var padded = new byte[(plaintext.Length + 15) / 16 * 16];
                plaintext.CopyTo(padded);
                using var aes = Aes.Create();
                aes.Key = privKey.AsSpan(0, 16).ToArray();
                var cipher = aes.EncryptCfb(padded, iv, PaddingMode.None, 128);
                return cipher.AsSpan(0, plaintext.Length).ToArray();
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no privacy protocol");
        }
    }

    /// <summary>Decrypts into <paramref name="destination"/>; returns the plaintext length, or −1 when the ciphertext cannot be valid.</summary>
    public static int Decrypt(PrivProtocol protocol, byte[] privKey, int engineBoots, int engineTime, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        if (salt.Length != SaltLength || ciphertext.Length > destination.Length)
            return -1;
        Span<byte> iv = stackalloc byte[16];
        switch (protocol)
        {
            case PrivProtocol.Des:
            {
                // §8.3.2 step 3: a length that is not a multiple of 8 is a decryption error.
                if (ciphertext.Length % 8 != 0 || ciphertext.IsEmpty)
                    return -1;
                DesIv(privKey, salt, iv[..8]);
                using var des = DES.Create();
                des.Key = privKey.AsSpan(0, 8).ToArray();
                return des.DecryptCbc(ciphertext, iv[..8], destination, PaddingMode.None);
            }
            case PrivProtocol.Aes128:
            {
                if (ciphertext.IsEmpty)
                    return -1;
                AesIv(engineBoots, engineTime, salt, iv);
                var blocks = (ciphertext.Length + 15) / 16 * 16;
                var padded = new byte[blocks];
                ciphertext.CopyTo(padded);
                using var aes = Aes.Create();
                aes.Key = privKey.AsSpan(0, 16).ToArray();
                var plain = aes.DecryptCfb(padded, iv, PaddingMode.None, 128);
                plain.AsSpan(0, ciphertext.Length).CopyTo(destination);
                CryptographicOperations.ZeroMemory(plain);
                return ciphertext.Length;
            }
            default:
                return -1;
        }
    }

    /// <summary>
    /// 8 salt octets that never repeat under one key: engineBoots then a counter for DES (RFC 3414 §8.1.1.1); for AES
    /// the same layout is a 64-bit value that changes with every message (RFC 3826 §3.1.2.1).
    /// </summary>
    public static byte[] Salt(int engineBoots, long counter)
    {
        var salt = new byte[SaltLength];
        BinaryPrimitives.WriteInt32BigEndian(salt, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(salt.AsSpan(4), (int)counter);
        return salt;
    }

    /// <summary>RFC 3414 §8.1.1.1: IV = pre-IV (privKey[8..16]) XOR salt.</summary>
    private static void DesIv(byte[] privKey, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        for (var i = 0; i < 8; i++)
            iv[i] = (byte)(privKey[8 + i] ^ salt[i]);
    }

    /// <summary>RFC 3826 §3.1.2.1: IV = engineBoots (4) || engineTime (4) || salt (8), all big-endian.</summary>
    private static void AesIv(int engineBoots, int engineTime, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        salt.CopyTo(iv[8..]);
    }
}
