using Xunit;

namespace Edge.Testing.Snmpsim;

/// <summary>A data-driven end-to-end test against snmpsimd, skipped with the reason when the recordings or snmpsimd are missing.</summary>
public sealed class SnmpsimTheoryAttribute : TheoryAttribute
{
    public SnmpsimTheoryAttribute()
    {
        if (SnmpSimulator.Unavailable is { } reason)
            Skip = reason;
    }
}
