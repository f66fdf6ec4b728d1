using Edge.Snmp.Protocol;

namespace Edge.Snmp.Ber;

/// <summary>An SNMPv1 or v2c message (RFC 1157 §4, RFC 1901 §3): version, community, one PDU; decoded in place.</summary>
internal ref struct CommunityMessageView
{
    public SnmpVersion Version;
    public ReadOnlySpan<byte> Community;
    public PduView Pdu;
}
