namespace Edge.Sensors.Chips;

/// <summary>
/// What a chip can physically report (its datasheet's operating range). A value outside it did not come from the
/// air: a bit-shifted frame that still passed its checksum, a stuck bus, a broken chip.
/// </summary>
internal readonly record struct ChipLimits(double MinTemperatureC, double MaxTemperatureC, double MinPressureHpa = 300, double MaxPressureHpa = 1100)
{
    public bool TemperatureInRange(double t) => t >= MinTemperatureC && t <= MaxTemperatureC;

    public static bool HumidityInRange(double rh) => rh is >= 0 and <= 100;

    public bool PressureInRange(double p) => p >= MinPressureHpa && p <= MaxPressureHpa;

    /// <summary>
    /// SHT4x (datasheet §4.6) and Si70xx (§5.1.1) formulas return slightly below 0 or above 100 %RH near the ends
    /// and the datasheets say to crop. Only within the chip's accuracy (±<paramref name="band"/>); further out the
    /// value is implausible and stays outside 0…100 so that the range check rejects it.
    /// </summary>
    public static double CropHumidity(double rh, double band = 3) =>
        rh < 0 && rh >= -band ? 0 : rh > 100 && rh <= 100 + band ? 100 : rh;
}
