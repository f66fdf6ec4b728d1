namespace Edge.Emulators.Device42;

/// <summary>A software_details row: the software found on a device.</summary>
public sealed record EmulatedInstall(string Software, string Device);
