using Xunit;

namespace Edge.Testing.Snmpsim;

/// <summary>One snmpsimd for a whole test class (start-up indexes every recording: about 2 s).</summary>
public sealed class SnmpSimulatorFixture : IAsyncLifetime
{
    public SnmpSimulator? Simulator { get; private set; }

    public SnmpSimulator Agent => Simulator ?? throw new InvalidOperationException(SnmpSimulator.Unavailable ?? "snmpsimd not started");

    public async Task InitializeAsync()
    {
        if (SnmpSimulator.Unavailable is null)
            Simulator = await SnmpSimulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Simulator is not null)
            await Simulator.DisposeAsync();
    }
}
