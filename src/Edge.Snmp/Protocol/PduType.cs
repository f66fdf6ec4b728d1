namespace Edge.Snmp.Protocol;

/// <summary>PDU tags: context-specific, constructed (RFC 3416 §3, RFC 1157 §4.1.6 for the v1 Trap).</summary>
internal enum PduType : byte
{
    GetRequest = 0xA0,
    GetNextRequest = 0xA1,
    Response = 0xA2,
    SetRequest = 0xA3,
    TrapV1 = 0xA4,
    GetBulkRequest = 0xA5,
    InformRequest = 0xA6,
    TrapV2 = 0xA7,
    Report = 0xA8,
}
