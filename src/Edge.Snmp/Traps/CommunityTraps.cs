using System.Net;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Traps;

/// <summary>
/// SNMPv1 Trap-PDUs (RFC 1157 §4.1.6) and SNMPv2c SNMPv2-Trap / InformRequest PDUs (RFC 3416 §4.2.6, §4.2.7) by
/// community. A function of the datagram and the senders: no socket, no clock.
/// </summary>
internal static class CommunityTraps
{
    /// <summary>snmpTrapOID.0 (RFC 3418): the second varbind of every v2 notification says which one it is.</summary>
    public static readonly Oid SnmpTrapOid = Oid.Parse("1.3.6.1.6.3.1.1.4.1.0");

    public static TrapOutcome Handle(ReadOnlySpan<byte> datagram, IPAddress sender, TrapSenders senders)
    {
        var error = MessageDecoder.DecodeCommunity(datagram, out var message);
        if (error != DecodeError.None)
            return TrapOutcome.Drop(TrapDropReason.Malformed, error.ToString());
        var pdu = message.Pdu;
        var notification = message.Version == SnmpVersion.V1
            ? pdu.Type == PduType.TrapV1
            : pdu.Type is PduType.TrapV2 or PduType.InformRequest;
        if (!notification)
            return TrapOutcome.Drop(TrapDropReason.UnexpectedPdu, $"{pdu.Type} in {message.Version}");

        // A v1 trap names its agent: a trap relayed or NATed still maps to the device it is about.
        var devices = senders.At(sender);
        if (devices.Count == 0 && pdu.Type == PduType.TrapV1 && pdu.AgentAddress.Length == 4)
            devices = senders.At(new IPAddress(pdu.AgentAddress));
        if (devices.Count == 0)
            return TrapOutcome.Drop(TrapDropReason.UnknownSender);
        if (!senders.Accepts(devices, message.Community))
            return TrapOutcome.Drop(TrapDropReason.BadCommunity);

        var varBinds = new List<VarBind>();
        error = pdu.ReadVarBinds(varBinds);
        if (error != DecodeError.None)
            return TrapOutcome.Drop(TrapDropReason.Malformed, $"varbinds: {error}");
        var ids = devices.Select(d => d.DeviceId).ToArray();
        if (pdu.Type == PduType.TrapV1)
        {
            OidCodec.TryDecode(pdu.Enterprise, out var enterprise);
            return new TrapOutcome { Devices = ids, Detail = $"v1 trap {enterprise} generic {pdu.GenericTrap} specific {pdu.SpecificTrap}" };
        }
        var detail = $"v2c {(pdu.Type == PduType.InformRequest ? "inform" : "trap")} {TrapName(varBinds)}";
        if (pdu.Type == PduType.TrapV2)
            return new TrapOutcome { Devices = ids, Detail = detail };
        // RFC 3416 §4.2.7: the Response carries the inform's request-id and its variable-bindings.
        var response = MessageEncoder.EncodeCommunity(message.Version, message.Community, new Pdu(PduType.Response, pdu.RequestId, varBinds));
        return new TrapOutcome { Devices = ids, Detail = detail, Reply = response, IsInform = true };
    }

    /// <summary>The snmpTrapOID.0 value of a v2 notification, for the log.</summary>
    public static string TrapName(List<VarBind> varBinds) =>
        varBinds.FirstOrDefault(v => v.Oid == SnmpTrapOid).Value.OidValue?.ToString() ?? "(no snmpTrapOID)";
}
