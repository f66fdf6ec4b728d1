using System.Device.I2c;
using System.Text;

namespace Edge.Display.Tests.Simulation;

/// <summary>
/// A PCF8574 backpack (P0 RS, P1 RW, P2 E, P3 backlight, P4–P7 D4–D7) in front of an HD44780, behind an
/// <see cref="I2cDevice"/>: every byte written is a port state; a falling E with RW low latches a nibble into the
/// controller, which starts in 8-bit mode (D0–D3 unwired) until a function set with DL = 0, then pairs nibbles
/// high-first into instructions (RS 0) or data (RS 1). DDRAM, entry mode and display shift as in the HD44780
/// datasheet (Table 6); rows start at DDRAM 0x00, 0x40 (and 0x14, 0x54 on a 20×4). <see cref="Rows"/> is the glass,
/// with ROM code 0xDF shown as '°'. <see cref="DropNextByte"/> loses one port write (noise), desynchronizing the
/// nibble phase as a real glitch does.
/// </summary>
public sealed class Pcf8574LcdSimulator(int columns, int rows, int address = 0x27) : I2cDevice
{
    private readonly byte[] _ddram = Enumerable.Repeat((byte)0x20, 0x80).ToArray();
    private byte _port;
    private bool _fourBit;
    private int? _highNibble;
    private int _ac;
    private bool _increment = true;
    private bool _cgram;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, address);

    public bool Backlight => (_port & 0x08) != 0;

    public bool DisplayOn { get; private set; }

    public bool Present { get; set; } = true;

    public bool DropNextByte { get; set; }

    public int Writes { get; private set; }

    public List<byte> Instructions { get; } = [];

    public int BacklightChanges { get; private set; }

    public IReadOnlyList<string> Rows
    {
        get
        {
            int[] starts = rows == 4 ? [0x00, 0x40, 0x14, 0x54] : [0x00, 0x40];
            return [.. starts.Select(s => Decode(_ddram.AsSpan(s, columns)))];
        }
    }

    private static string Decode(ReadOnlySpan<byte> codes)
    {
        var text = new StringBuilder();
        foreach (var code in codes)
            text.Append(code == 0xDF ? '°' : code is >= 0x20 and < 0x7E ? (char)code : '¿');
        return text.ToString();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Present)
            throw new IOException("Error 121 performing I2C data transfer.", 121);
        foreach (var value in buffer)
            Port(value);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Read(Span<byte> buffer)
    {
        if (!Present)
            throw new IOException("Error 121 performing I2C data transfer.", 121);
        buffer.Fill(_port);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void Port(byte value)
    {
        Writes++;
        if (DropNextByte)
        {
            DropNextByte = false;
            return;
        }
        var previous = _port;
        if (((previous ^ value) & 0x08) != 0)
            BacklightChanges++;
        _port = value;
        if ((previous & 0x04) != 0 && (value & 0x04) == 0 && (previous & 0x02) == 0)
            Latch((previous & 0x01) != 0, previous >> 4);
    }

    private void Latch(bool rs, int nibble)
    {
        if (!_fourBit)
        {
            Execute(rs, (byte)(nibble << 4));
            return;
        }
        if (_highNibble is not { } high)
        {
            _highNibble = nibble;
            return;
        }
        _highNibble = null;
        Execute(rs, (byte)(high << 4 | nibble));
    }

    private void Execute(bool rs, byte b)
    {
        if (rs)
        {
            if (!_cgram)
            {
                _ddram[_ac] = b;
                Move();
            }
            return;
        }
        Instructions.Add(b);
        switch (b)
        {
            case >= 0x80:
                _cgram = false;
                _ac = b & 0x7F;
                break;
            case >= 0x40:
                _cgram = true;
                break;
            case >= 0x20:
                var fourBit = (b & 0x10) == 0;
                if (fourBit && !_fourBit)
                    _highNibble = null;
                _fourBit = fourBit;
                break;
            case >= 0x10:
                break;
            case >= 0x08:
                DisplayOn = (b & 0x04) != 0;
                break;
            case >= 0x04:
                _increment = (b & 0x02) != 0;
                break;
            case >= 0x02:
                _ac = 0;
                _cgram = false;
                break;
            case 0x01:
                Array.Fill(_ddram, (byte)0x20);
                _ac = 0;
                _increment = true;
                _cgram = false;
                break;
        }
    }

    /// <summary>Two-line DDRAM: 0x00–0x27 then 0x40–0x67, wrapping between them.</summary>
    private void Move()
    {
        _ac = _increment
            ? _ac switch { 0x27 => 0x40, 0x67 => 0x00, _ => _ac + 1 }
            : _ac switch { 0x00 => 0x67, 0x40 => 0x27, _ => _ac - 1 };
    }
}
