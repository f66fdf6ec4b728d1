namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// What the Pi's controller reports while a slave holds SDA low: the address phase sees SDA low, which is an ACK, so
/// writes "succeed" and reads return zeros (every checksum fails); or the controller times out (error 110).
/// </summary>
public enum StuckSymptom
{
    ZeroData,
    Timeout,
}
