namespace Edge.Emulators.Device42;

/// <summary>
/// An operating system and the devices running it: Licensed of them counted as licensed, NotLicensed not. Its
/// total_count is their sum, as Device42 defines it (device42-docs infrastructure-management/operating-systems), so the
/// impossible licensed + not licensed ≠ total cannot be written. <see cref="Written"/> replaces a field's text as
/// the appliance writes it (an empty string, a malformed number).
/// </summary>
public sealed record EmulatedOperatingSystem(string Name, int Licensed, int NotLicensed)
{
    public IReadOnlyDictionary<string, string>? Written { get; init; }
}
