using Edge.Sensors.I2c;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// The command/response half of a Sensirion chip: a command queues a response of CRC'd words that becomes readable
/// when the conversion time has passed; a read before that, or with nothing queued, is NACKed (no clock stretching
/// mode, SHT3x datasheet §4.4, SHT4x §4.5, SHTC3 §5.4). A read consumes the response.
/// </summary>
public abstract class SensirionSimulator(TimeProvider time) : SimulatedChip(time)
{
    private readonly byte[] _response = new byte[9];
    private int _length;
    private DateTimeOffset _readyAt;

    /// <summary>Commands the chip did not know, answered with a NACK (the real chips flag them in a status bit or ignore them).</summary>
    public int UnknownCommands { get; private set; }

    protected void Respond(ushort first, ushort second, TimeSpan after, bool measurement = true)
    {
        if (TakeShift())
        {
            first = (ushort)(first << 1);
            second = (ushort)(second << 1);
        }
        PutWord(0, first);
        PutWord(3, second);
        if (TakeCorruption())
            _response[5] ^= 0x5A;
        _length = 6;
        _readyAt = StayBusy && measurement ? DateTimeOffset.MaxValue : Now + after;
    }

    protected void RespondWord(ushort word, TimeSpan after)
    {
        PutWord(0, word);
        _length = 3;
        _readyAt = Now + after;
    }

    protected void ClearResponse() => _length = 0;

    protected void Unknown()
    {
        UnknownCommands++;
        Nack();
    }

    private void PutWord(int at, ushort word)
    {
        _response[at] = (byte)(word >> 8);
        _response[at + 1] = (byte)word;
        _response[at + 2] = Crc8.Compute(_response.AsSpan(at, 2));
    }

    protected override void OnRead(Span<byte> buffer)
    {
        if (_length == 0 || Now < _readyAt)
            Nack();
        var n = Math.Min(buffer.Length, _length);
        _response.AsSpan(0, n).CopyTo(buffer);
        buffer[n..].Fill(0xFF);
        _length = 0;
    }

    protected override void OnPowerOn() => _length = 0;
}
