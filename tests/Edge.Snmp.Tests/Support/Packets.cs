using System.Net;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Tests.Support;

/// <summary>Real encoded messages of every shape the decoder meets, as seeds for mutation and for allocation tests.</summary>
internal static class Packets
{
    public static readonly byte[] EngineId = Convert.FromHexString("80001F8880D139D02D8DBB076B00000000");
    public static readonly UsmKeys AuthPrivKeys = Keys(SecurityLevel.AuthPriv, AuthProtocol.Sha256, PrivProtocol.Aes128);
    public static readonly UsmKeys AuthPrivDesKeys = Keys(SecurityLevel.AuthPriv, AuthProtocol.Md5, PrivProtocol.Des);
    public static readonly UsmKeys AuthKeys = Keys(SecurityLevel.AuthNoPriv, AuthProtocol.Sha1, PrivProtocol.None);
    public static readonly UsmKeys NoAuthKeys = new([], SecurityLevel.NoAuthNoPriv, AuthProtocol.None, [], PrivProtocol.None, []);

    public static UsmKeys Keys(SecurityLevel level, AuthProtocol auth, PrivProtocol priv) =>
        new UsmKeyCache().Get("edge", level, auth, "authpass123", priv, "privpass123", EngineId);

    /// <summary>A GET response of <paramref name="count"/> Integer/Gauge/Counter/TimeTicks varbinds under one table column.</summary>
    public static (byte[] Datagram, Oid[] Oids) NumericResponse(int count, int requestId = 42)
    {
        var oids = new Oid[count];
        var varBinds = new VarBind[count];
        var types = new[] { SnmpType.Integer, SnmpType.Gauge32, SnmpType.Counter32, SnmpType.TimeTicks, SnmpType.Counter64 };
        for (var i = 0; i < count; i++)
        {
            oids[i] = Oid.Parse($"1.3.6.1.4.1.318.1.1.26.6.3.1.{5 + i % 3}.{i + 1}");
            var type = types[i % types.Length];
            varBinds[i] = new VarBind(oids[i], new SnmpValue(type, Number: type == SnmpType.Integer ? -i * 1000 : i * 1000, Unsigned: (ulong)(i * 1000)));
        }
        return (MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.Response, requestId, varBinds)), oids);
    }

    public static byte[] V3(PduType type, UsmKeys keys, IReadOnlyList<VarBind> varBinds, int id = 7)
    {
        var scoped = V3MessageEncoder.EncodeScopedPdu(EngineId, "ctx"u8, new Pdu(type, id, varBinds));
        return V3MessageEncoder.Encode(id, reportable: false, keys, keys.Level == SecurityLevel.NoAuthNoPriv ? [] : EngineId, 3, 12345, scoped, Convert.FromHexString("0000000300000009"));
    }

    /// <summary>Seeds: every PDU type, v1/v2c/v3, all value types, exceptions, a v1 trap, reports, plain, authenticated and encrypted.</summary>
    public static List<byte[]> Seeds()
    {
        VarBind[] mixed =
        [
            new(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.Str("Linux pdu 5.10")),
            new(Oid.Parse("1.3.6.1.2.1.1.2.0"), new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse("1.3.6.1.4.1.13742.6"))),
            new(Oid.Parse("1.3.6.1.2.1.1.3.0"), new SnmpValue(SnmpType.TimeTicks, Number: 2510919899)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.7.0"), SnmpValue.Int(-273)),
            new(Oid.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), new SnmpValue(SnmpType.Counter64, Unsigned: ulong.MaxValue)),
            new(Oid.Parse("1.3.6.1.2.1.4.20.1.1.10.0.0.5"), new SnmpValue(SnmpType.IpAddress, Bytes: [10, 0, 0, 5])),
            new(Oid.Parse("1.3.6.1.2.1.2.2.1.6.2"), new SnmpValue(SnmpType.OctetString, Bytes: [0xBA, 0x3F, 0xA7, 0xF3, 0xBA, 0x13])),
            new(Oid.Parse("1.3.6.1.4.1.3808.1.1.1.2.2.3.0"), new SnmpValue(SnmpType.Null)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.1.0"), new SnmpValue(SnmpType.NoSuchObject)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.2.0"), new SnmpValue(SnmpType.NoSuchInstance)),
            new(Oid.Parse("1.3.6.1.2.1.33.1.2.3.0"), new SnmpValue(SnmpType.EndOfMibView)),
        ];
        var report = new[] { new VarBind(UsmStats.UnknownEngineIds, new SnmpValue(SnmpType.Counter32, Number: 5)) };
        return
        [
            MessageEncoder.EncodeCommunity(SnmpVersion.V1, "public"u8, Pdu.Request(PduType.GetRequest, 1, [Oid.Parse("1.3.6.1.2.1.1.1.0")])),
            MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, Pdu.Request(PduType.GetBulkRequest, 2, [Oid.Parse("1.3.6.1.2.1.2")], 0, 25)),
            MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.Response, 3, mixed)),
            MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.TrapV2, 4, mixed)),
            MessageEncoder.EncodeCommunity(SnmpVersion.V1, "public"u8, new Pdu(PduType.TrapV1, 0, mixed[..3], trapV1: new TrapV1(Oid.Parse("1.3.6.1.4.1.318"), [10, 0, 0, 5], 6, 5, 12345))),
            NumericResponse(20).Datagram,
            V3(PduType.GetRequest, NoAuthKeys, []),
            V3(PduType.Report, NoAuthKeys, report),
            V3(PduType.Response, AuthKeys, mixed),
            V3(PduType.Response, AuthPrivKeys, mixed),
            V3(PduType.Response, AuthPrivDesKeys, mixed),
        ];
    }

    public static SocketAddress Loopback(int port) => new IPEndPoint(IPAddress.Loopback, port).Serialize();
}
