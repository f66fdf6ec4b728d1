using System.Device.I2c;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>One address on a <see cref="SimulatedI2cBus"/>: every transfer is one transaction, as UnixI2cBus sends it.</summary>
public sealed class SimulatedI2cDevice(SimulatedI2cBus bus, int address) : I2cDevice
{
    public override I2cConnectionSettings ConnectionSettings { get; } = new(bus.BusId, address);

    public override void Read(Span<byte> buffer) => bus.Read(address, buffer);

    public override void Write(ReadOnlySpan<byte> buffer) => bus.Write(address, buffer);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        // Linux sends this as one I2C_RDWR with a repeated START; for these chips that is a write then a read.
        bus.Write(address, writeBuffer);
        bus.Read(address, readBuffer);
    }
}
