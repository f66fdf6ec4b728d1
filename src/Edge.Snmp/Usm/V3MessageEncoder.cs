using System.Formats.Asn1;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Usm;

/// <summary>Writes SNMPv3 messages with USM (RFC 3412 §6, RFC 3414 §2.4), authenticating and encrypting as the keys ask.</summary>
internal static class V3MessageEncoder
{
    /// <summary>Our largest acceptable message: the largest UDP payload over IPv4 (RFC 3417 §3.2 asks for at least 484).</summary>
    public const int MaxMessageSize = 65507;

    public static byte[] EncodeScopedPdu(ReadOnlySpan<byte> contextEngineId, ReadOnlySpan<byte> contextName, Pdu pdu)
    {
        var writer = MessageEncoder.ReusedWriter();
        using (writer.PushSequence())
        {
            writer.WriteOctetString(contextEngineId);
            writer.WriteOctetString(contextName);
            MessageEncoder.WritePdu(writer, pdu);
        }
        return writer.Encode();
    }

    /// <summary>
    /// Encodes and secures one message. <paramref name="keys"/> decides the security level; for noAuthNoPriv (engine
    /// discovery, RFC 3414 §4) pass keys with that level and an empty user. <paramref name="salt"/> is used only with privacy.
    /// </summary>
    public static byte[] Encode(int messageId, bool reportable, UsmKeys keys, ReadOnlySpan<byte> engineId, int engineBoots, int engineTime,
        ReadOnlySpan<byte> scopedPdu, ReadOnlySpan<byte> salt)
    {
        var auth = keys.Level != SecurityLevel.NoAuthNoPriv;
        var priv = keys.Level == SecurityLevel.AuthPriv;
        var flags = (byte)((auth ? 0x01 : 0) | (priv ? 0x02 : 0) | (reportable ? 0x04 : 0));
        var macLength = auth ? UsmAuthentication.MacLength(keys.Auth) : 0;

        byte[]? encrypted = priv ? UsmPrivacy.Encrypt(keys.Priv, keys.PrivKey, engineBoots, engineTime, salt, scopedPdu) : null;

        // One reused writer for both parts: the security parameters are taken out before the message is written.
        var usm = MessageEncoder.ReusedWriter();
        using (usm.PushSequence())
        {
            usm.WriteOctetString(engineId);
            usm.WriteInteger(engineBoots);
            usm.WriteInteger(engineTime);
            usm.WriteOctetString(keys.UserName);
            // RFC 3414 §6.3.1 step 1: the MAC field holds zeros while the MAC is computed.
            usm.WriteOctetString(new byte[macLength]);
            usm.WriteOctetString(priv ? salt : []);
        }
        var securityParameters = usm.Encode();

        var writer = MessageEncoder.ReusedWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)SnmpVersion.V3);
            using (writer.PushSequence())
            {
                writer.WriteInteger(messageId);
                writer.WriteInteger(MaxMessageSize);
                writer.WriteOctetString([flags]);
                writer.WriteInteger(V3MessageView.UsmSecurityModel);
            }
            writer.WriteOctetString(securityParameters);
            if (encrypted is not null)
                writer.WriteOctetString(encrypted);
            else
                writer.WriteEncodedValue(scopedPdu);
        }
        var message = writer.Encode();
        if (auth)
        {
            var error = V3MessageView.Decode(message, out var view);
            if (error != DecodeError.None || view.AuthParametersOffset < 0)
                throw new InvalidOperationException($"own v3 encoding did not decode: {error}");
            var offset = view.AuthParametersOffset;
            Span<byte> mac = stackalloc byte[macLength];
            UsmAuthentication.ComputeMac(keys.Auth, keys.AuthKey, message, mac);
            mac.CopyTo(message.AsSpan(offset));
        }
        return message;
    }
}
