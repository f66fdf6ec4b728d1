namespace Edge.Emulators.Device42;

/// <summary>
/// A software component the emulator serves; Type is Device42's software_type (managed, unmanaged, prohibited,
/// ignored); LicensedCount the licences held, written as '' when none are (as swagger <c>Get_Software_Component_details</c>
/// shows). Its discovered_count is the number of its installations, as Device42 counts them.
/// </summary>
public sealed record EmulatedSoftware(string Name, string Type = "Managed", int? LicensedCount = null);
