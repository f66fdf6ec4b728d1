namespace Edge.Snmp.Protocol;

/// <summary>An OID and its value, as an agent answered it.</summary>
public readonly record struct VarBind(Oid Oid, SnmpValue Value);
