namespace Edge.Sensors.I2c;

/// <summary>
/// How Linux reports I2C failures through dotnet/iot: an <see cref="IOException"/> whose message starts with
/// "Error {errno}" (UnixI2cBus). 121 is EREMOTEIO, a NACK: nobody answered at the address, or the chip is busy and
/// refuses the read header (Sensirion chips do that mid-measurement). 110 is ETIMEDOUT: the controller gave up, e.g.
/// a slave stretched the clock too long. Simulated chips throw the same messages and put the errno in HResult.
/// </summary>
internal static class I2cErrors
{
    public const int Nack = 121;
    public const int Timeout = 110;

    public static int Errno(IOException e)
    {
        if (e.HResult is > 0 and < 4096)
            return e.HResult;
        var message = e.Message.AsSpan();
        if (!message.StartsWith("Error "))
            return 0;
        message = message[6..];
        var end = message.IndexOf(' ');
        return int.TryParse(end < 0 ? message : message[..end], out var errno) ? errno : 0;
    }

    public static bool IsNack(IOException e) => Errno(e) == Nack;

    /// <summary>The exception a simulated or real bus throws for a NACK.</summary>
    public static IOException NackException() => new("Error 121 performing I2C data transfer.", Nack);
}
