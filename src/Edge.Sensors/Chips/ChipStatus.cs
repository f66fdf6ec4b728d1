namespace Edge.Sensors.Chips;

/// <summary>Why a measurement has no value. Every status but <see cref="Ok"/> is "no reading", never an old value.</summary>
public enum ChipStatus
{
    Ok,

    /// <summary>Nobody acknowledged the address (error 121): absent, unpowered, miswired, or asleep.</summary>
    Nack,

    /// <summary>The frame arrived but a checksum did not match: noise, a bit-shifted frame, or a stuck bus reading zeros.</summary>
    CrcError,

    /// <summary>The chip was still converting after its datasheet time and a few polls more.</summary>
    Busy,

    /// <summary>Something answers at the address but it is not the configured chip (chip id, serial or status check).</summary>
    WrongChip,

    /// <summary>
    /// A frame that passed its checksum but cannot come from the air: the temperature is outside the chip's range. A
    /// bus whose SDA is stuck low reads all zeros, and zeros pass the Si70xx checksum (init 0x00). Also a BME280 frame
    /// holding the data registers' reset values after a conversion: the chip reset meanwhile and never measured.
    /// </summary>
    Implausible,

    /// <summary>Any other bus failure (timeout, arbitration lost, I/O error).</summary>
    BusError,
}
