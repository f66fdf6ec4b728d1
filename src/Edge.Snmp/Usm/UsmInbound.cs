using System.Security.Cryptography;
using Edge.Snmp.Ber;

namespace Edge.Snmp.Usm;

/// <summary>Checks and opens incoming v3 messages (RFC 3414 §3.2): MAC verification in place, then decryption.</summary>
internal static class UsmInbound
{
    /// <summary>
    /// Verifies the message's MAC. The MAC field is zeroed in <paramref name="datagram"/> while the HMAC is computed
    /// (§6.3.2 step 3) and restored afterwards, so the caller's buffer is unchanged.
    /// </summary>
    public static bool VerifyMac(Span<byte> datagram, int macOffset, int macLength, AuthProtocol auth, byte[] authKey)
    {
        var expectedLength = UsmAuthentication.MacLength(auth);
        if (macOffset < 0 || macLength != expectedLength || macOffset + macLength > datagram.Length)
            return false;
        Span<byte> received = stackalloc byte[expectedLength];
        Span<byte> computed = stackalloc byte[expectedLength];
        var field = datagram.Slice(macOffset, macLength);
        field.CopyTo(received);
        field.Clear();
        UsmAuthentication.ComputeMac(auth, authKey, datagram, computed);
        received.CopyTo(field);
        return CryptographicOperations.FixedTimeEquals(received, computed);
    }

    /// <summary>
    /// The plaintext scoped PDU of <paramref name="message"/>: its own bytes, or decrypted into <paramref name="scratch"/>.
    /// Returns false when decryption is impossible (bad salt, bad length), which USM counts as a decryption error.
    /// </summary>
    public static bool TryOpenScopedPdu(in V3MessageView message, UsmKeys keys, Span<byte> scratch, out ReadOnlySpan<byte> scopedPdu)
    {
        if (!message.Encrypted)
        {
            scopedPdu = message.ScopedPduData;
            return true;
        }
        scopedPdu = default;
        if (keys.Level != SecurityLevel.AuthPriv)
            return false;
        var n = UsmPrivacy.Decrypt(keys.Priv, keys.PrivKey, message.EngineBoots, message.EngineTime, message.PrivParameters, message.ScopedPduData, scratch);
        if (n < 0)
            return false;
        scopedPdu = scratch[..n];
        return true;
    }

    /// <summary>
    /// Decodes what <see cref="TryOpenScopedPdu"/> gave: a decrypted ScopedPDU is a whole TLV followed by padding;
    /// a plaintext one is already the content of the message's SEQUENCE.
    /// </summary>
    public static DecodeError DecodeScopedPdu(ReadOnlySpan<byte> scopedPdu, bool wasEncrypted, out ScopedPduView view) =>
        wasEncrypted ? ScopedPduView.Decode(scopedPdu, allowPadding: true, out view) : ScopedPduView.DecodeContent(scopedPdu, out view);
}
