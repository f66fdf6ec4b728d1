namespace Edge.Sensors.Tests.Simulation;

/// <summary>A PCF8574 port expander (an LCD backpack): a write latches the port, a read returns it.</summary>
public sealed class Pcf8574Simulator(TimeProvider time) : SimulatedChip(time)
{
    public byte Port { get; private set; } = 0xFF;

    protected override void OnWrite(ReadOnlySpan<byte> data) => Port = data[^1];

    protected override void OnRead(Span<byte> buffer) => buffer.Fill(Port);

    protected override void OnPowerOn() => Port = 0xFF;
}
