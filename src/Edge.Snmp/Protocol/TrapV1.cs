namespace Edge.Snmp.Protocol;

/// <summary>The fields an SNMPv1 Trap-PDU carries before its varbinds (RFC 1157 §4.1.6).</summary>
internal sealed record TrapV1(Oid Enterprise, byte[] AgentAddress, int GenericTrap, int SpecificTrap, uint TimeStamp);
