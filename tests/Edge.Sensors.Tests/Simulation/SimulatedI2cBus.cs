using System.Device.I2c;
using Edge.Sensors.I2c;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// /dev/i2c-N in managed code: chips at addresses, TCA9548A multiplexers whose connected channels extend the address
/// space, and the wire (stuck SDA, pins switched to GPIO). A transaction nobody acknowledges throws the Linux NACK,
/// error 121, as UnixI2cBus does. Records the address sequence so tests can check that transactions never interleave.
/// </summary>
public sealed class SimulatedI2cBus(int busId = 1) : I2cBus
{
    private readonly Dictionary<int, SimulatedChip> _chips = [];
    private readonly List<int> _log = [];

    public int BusId { get; } = busId;

    public SimulatedWire Wire { get; } = new();

    public StuckSymptom Symptom { get; set; } = StuckSymptom.ZeroData;

    public int Opened { get; set; }

    public bool Disposed { get; private set; }

    /// <summary>Address of every transaction, positive for writes and negative for reads, when <see cref="Record"/> is on.</summary>
    public IReadOnlyList<int> Log => _log;

    public bool Record { get; set; }

    public T Attach<T>(int address, T chip) where T : SimulatedChip
    {
        _chips[address] = chip;
        return chip;
    }

    public override I2cDevice CreateDevice(int deviceAddress) => new SimulatedI2cDevice(this, deviceAddress);

    public override void RemoveDevice(int deviceAddress)
    {
    }

    internal void Write(int address, ReadOnlySpan<byte> data)
    {
        if (Record)
            _log.Add(address);
        if (Stuck())
            return;
        Find(address).Write(data);
    }

    internal void Read(int address, Span<byte> buffer)
    {
        if (Record)
            _log.Add(-address);
        if (Stuck())
        {
            buffer.Clear();
            return;
        }
        Find(address).Read(buffer);
    }

    private bool Stuck()
    {
        if (!Wire.SdaIsI2c || !Wire.SclIsI2c)
            throw new IOException("Error 5 performing I2C data transfer.", 5);
        if (!Wire.SlaveHoldsSda)
            return false;
        if (Symptom == StuckSymptom.Timeout)
            throw new IOException("Error 110 performing I2C data transfer.", I2cErrors.Timeout);
        return true;
    }

    private SimulatedChip Find(int address)
    {
        if (_chips.TryGetValue(address, out var chip) && chip.Present && chip.Powered)
            return chip;
        foreach (var mux in _chips.Values.OfType<Tca9548ASimulator>())
        {
            foreach (var behind in mux.Find(address))
                return behind;
        }
        throw I2cErrors.NackException();
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
