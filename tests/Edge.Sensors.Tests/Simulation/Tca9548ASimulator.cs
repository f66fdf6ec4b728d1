namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// TCA9548A (datasheet §8.6): one control byte; bit n connects channel n to the main bus. A one-byte write sets it, a
/// read returns it. Chips behind a connected channel answer on the main bus as if they were on it.
/// </summary>
public sealed class Tca9548ASimulator(TimeProvider time) : SimulatedChip(time)
{
    private readonly Dictionary<int, SimulatedChip>[] _channels = [.. Enumerable.Range(0, 8).Select(_ => new Dictionary<int, SimulatedChip>())];

    public byte Control { get; private set; }

    public int Selections { get; private set; }

    public void Attach(int channel, int address, SimulatedChip chip) => _channels[channel][address] = chip;

    public IEnumerable<SimulatedChip> Find(int address)
    {
        if (!Present || !Powered)
            yield break;
        for (var channel = 0; channel < 8; channel++)
        {
            if ((Control & (1 << channel)) != 0 && _channels[channel].TryGetValue(address, out var chip))
                yield return chip;
        }
    }

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        Control = data[^1];
        Selections++;
    }

    protected override void OnRead(Span<byte> buffer) => buffer.Fill(Control);

    protected override void OnPowerOn() => Control = 0;
}
