using System.Formats.Asn1;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Ber;

/// <summary>
/// Writes SNMP messages with the BCL's <see cref="AsnWriter"/> under BER (definite lengths, minimal integers).
/// Encoding happens once per request, off the hot decode path, so the writer's clarity wins over hand-rolling.
/// </summary>
public static class MessageEncoder
{
    [ThreadStatic]
    private static AsnWriter? t_writer;

    /// <summary>
    /// This thread's writer, emptied. A new writer per message grows a fresh 1 KiB buffer each time: on a walk (a
    /// thousand requests in a row) that is a third of the heap allocated, and fresh heap is page faults (perf,
    /// bench/RESULTS.md, SNMP). The caller must take its bytes out (<see cref="AsnWriter.Encode()"/>) before the next
    /// call on the same thread; encoding never awaits, so nothing else runs in between.
    /// </summary>
    internal static AsnWriter ReusedWriter()
    {
        var writer = t_writer ??= new AsnWriter(AsnEncodingRules.BER);
        writer.Reset();
        return writer;
    }

    /// <summary>An SNMPv1 or v2c message (RFC 1157 §4, RFC 1901 §3).</summary>
    internal static byte[] EncodeCommunity(SnmpVersion version, ReadOnlySpan<byte> community, Pdu pdu)
    {
        var writer = ReusedWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)version);
            writer.WriteOctetString(community);
            WritePdu(writer, pdu);
        }
        return writer.Encode();
    }

    internal static void WritePdu(AsnWriter writer, Pdu pdu)
    {
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, (int)pdu.Type & 0x1F, isConstructed: true)))
        {
            if (pdu.TrapV1 is { } trap)
            {
                WriteOid(writer, trap.Enterprise);
                writer.WriteOctetString(trap.AgentAddress, ApplicationTag(SnmpType.IpAddress));
                writer.WriteInteger(trap.GenericTrap);
                writer.WriteInteger(trap.SpecificTrap);
                writer.WriteInteger((long)trap.TimeStamp, ApplicationTag(SnmpType.TimeTicks));
            }
            else
            {
                writer.WriteInteger(pdu.RequestId);
                writer.WriteInteger(pdu.ErrorStatusValue);
                writer.WriteInteger(pdu.ErrorIndex);
            }
            using (writer.PushSequence())
            {
                foreach (var vb in pdu.VarBinds)
                {
                    using (writer.PushSequence())
                    {
                        WriteOid(writer, vb.Oid);
                        WriteValue(writer, vb.Value);
                    }
                }
            }
        }
    }

    /// <summary>Whether <paramref name="oid"/> can be sent at all (see <see cref="OidCodec.Encode"/>).</summary>
    public static bool IsEncodable(Oid oid) => OidCodec.Encode(oid.Arcs, stackalloc byte[OidCodec.MaxEncodedLength]) >= 0;

    internal static void WriteOid(AsnWriter writer, Oid oid)
    {
        Span<byte> tlv = stackalloc byte[OidCodec.MaxEncodedLength + 4];
        var n = OidCodec.Encode(oid.Arcs, tlv[4..]);
        if (n < 0)
            throw new ArgumentException($"OID {oid} cannot be encoded (first arc 0-2, second below 40 under 0 and 1, at most 128 arcs)", nameof(oid));
        // The TLV header is written just before the content so the encoded value is one contiguous span.
        int start;
        if (n < 0x80)
        {
            start = 2;
            tlv[3] = (byte)n;
        }
        else
        {
            start = 1;
            tlv[2] = 0x81;
            tlv[3] = (byte)n;
            if (n > 0xFF)
            {
                start = 0;
                tlv[1] = 0x82;
                tlv[2] = (byte)(n >> 8);
            }
        }
        tlv[start] = BerTags.ObjectIdentifier;
        writer.WriteEncodedValue(tlv[start..(4 + n)]);
    }

    internal static void WriteValue(AsnWriter writer, SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpType.Integer:
                writer.WriteInteger(value.Number);
                break;
            case SnmpType.Counter32:
            case SnmpType.Gauge32:
            case SnmpType.TimeTicks:
            case (SnmpType)0x47:
                writer.WriteInteger((long)(uint)value.Number, ApplicationTag(value.Type));
                break;
            case SnmpType.Counter64:
                writer.WriteInteger(value.Unsigned, ApplicationTag(value.Type));
                break;
            case SnmpType.ObjectIdentifier:
                WriteOid(writer, value.OidValue ?? throw new ArgumentException("OID value without an OID", nameof(value)));
                break;
            case SnmpType.Null:
                writer.WriteNull();
                break;
            case SnmpType.NoSuchObject:
            case SnmpType.NoSuchInstance:
            case SnmpType.EndOfMibView:
                writer.WriteNull(new Asn1Tag(TagClass.ContextSpecific, (int)value.Type & 0x1F));
                break;
            case SnmpType.OctetString:
                writer.WriteOctetString(value.Bytes ?? []);
                break;
            default:
                writer.WriteOctetString(value.Bytes ?? [], new Asn1Tag((TagClass)((byte)value.Type & 0xC0), (byte)value.Type & 0x1F));
                break;
        }
    }

    private static Asn1Tag ApplicationTag(SnmpType type) => new(TagClass.Application, (byte)type & 0x1F);
}
