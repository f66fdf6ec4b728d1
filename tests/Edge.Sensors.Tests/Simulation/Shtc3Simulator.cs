namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// SHTC3 (datasheet §5): asleep it NACKs everything but the wake-up command (0x3517); polling-mode measurements
/// NACK reads until done (12.1 ms normal, 0.8 ms low power); clock-stretching commands answer at once; T first or
/// RH first by command; ID register 0xEFC8 = 0x0887 (bits 11 and 5:0 identify the SHTC3).
/// </summary>
public sealed class Shtc3Simulator(TimeProvider time) : SensirionSimulator(time)
{
    public bool Asleep { get; private set; } = true;

    public ushort Id { get; set; } = 0x0887;

    // Datasheet §5.11 divides by 2¹⁶; 0x10000 would need 130 °C, clamp like the silicon.
    public static ushort RawTemperature(double c) => Clamp16((c + 45) * 65536 / 175);

    public static ushort RawHumidity(double rh) => Clamp16(rh * 65536 / 100);

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length != 2)
            Unknown();
        var command = (ushort)(data[0] << 8 | data[1]);
        if (Asleep && command != 0x3517)
            Nack();
        var t = RawTemperature(TemperatureC);
        var rh = RawHumidity(HumidityPct);
        switch (command)
        {
            case 0x3517:
                Asleep = false;
                break;
            case 0xB098:
                Asleep = true;
                ClearResponse();
                break;
            case 0x805D:
                ClearResponse();
                break;
            case 0xEFC8:
                RespondWord(Id, TimeSpan.Zero);
                break;
            case 0x7866:
                Respond(t, rh, TimeSpan.FromMilliseconds(12.1));
                break;
            case 0x609C:
                Respond(t, rh, TimeSpan.FromMilliseconds(0.8));
                break;
            case 0x7CA2 or 0x6458:
                Respond(t, rh, TimeSpan.Zero);
                break;
            case 0x58E0:
                Respond(rh, t, TimeSpan.FromMilliseconds(12.1));
                break;
            case 0x5C24 or 0x44DE:
                Respond(rh, t, TimeSpan.Zero);
                break;
            default:
                Unknown();
                break;
        }
    }

    protected override void OnRead(Span<byte> buffer)
    {
        if (Asleep)
            Nack();
        base.OnRead(buffer);
    }

    protected override void OnPowerOn()
    {
        base.OnPowerOn();
        Asleep = false;
    }
}
