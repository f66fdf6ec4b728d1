using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>An end-to-end test against snmpsimd: skipped, with the reason in the report, when the recordings or snmpsimd are missing.</summary>
public sealed class SnmpsimFactAttribute : FactAttribute
{
    public SnmpsimFactAttribute()
    {
        if (SnmpSimulator.Unavailable is { } reason)
            Skip = reason;
    }
}
