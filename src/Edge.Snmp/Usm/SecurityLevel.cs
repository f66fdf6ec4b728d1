namespace Edge.Snmp.Usm;

/// <summary>The msgFlags security level of RFC 3412 §6.4 (authFlag, privFlag).</summary>
public enum SecurityLevel
{
    NoAuthNoPriv,
    AuthNoPriv,
    AuthPriv,
}
