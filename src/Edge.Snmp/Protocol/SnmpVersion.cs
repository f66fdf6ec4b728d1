namespace Edge.Snmp.Protocol;

/// <summary>The message version field of RFC 3416 / RFC 3412: 0 for v1, 1 for v2c, 3 for v3.</summary>
public enum SnmpVersion
{
    V1 = 0,
    V2c = 1,
    V3 = 3,
}
