using Edge.Sensors.I2c;

namespace Edge.Sensors.Tests;

public class Crc8Tests
{
    [Fact]
    public void Sensirion_crc_of_0xBEEF_is_0x92_as_in_the_datasheet() => Assert.Equal(0x92, Crc8.Compute([0xBE, 0xEF]));

    [Fact]
    public void Aht20_crc_covers_the_six_frame_bytes() => Assert.Equal(0xD2, Crc8.Compute([0x1C, 0x3B, 0x5E, 0x86, 0x88, 0xB2]));

    [Fact]
    public void Si70xx_crc_starts_from_zero() => Assert.NotEqual(Crc8.Compute([0x66, 0x4E], Crc8.Si70xxInit), Crc8.Compute([0x66, 0x4E]));
}
