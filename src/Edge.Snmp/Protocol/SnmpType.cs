namespace Edge.Snmp.Protocol;

/// <summary>The value types of SNMP (RFC 2578 §7.1, RFC 3416 §3) with their BER tags, and the v2 exceptions.</summary>
public enum SnmpType : byte
{
    Integer = 0x02,
    OctetString = 0x04,
    Null = 0x05,
    ObjectIdentifier = 0x06,
    IpAddress = 0x40,
    Counter32 = 0x41,
    Gauge32 = 0x42,
    TimeTicks = 0x43,
    Opaque = 0x44,
    Counter64 = 0x46,
    NoSuchObject = 0x80,
    NoSuchInstance = 0x81,
    EndOfMibView = 0x82,
}
