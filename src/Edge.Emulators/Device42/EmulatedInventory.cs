namespace Edge.Emulators.Device42;

/// <summary>What the emulated Device42 knows. Change it through <see cref="Device42Emulator.Change"/> while it serves.</summary>
public sealed class EmulatedInventory
{
    public List<EmulatedSoftware> Software { get; } = [];
    public List<EmulatedInstall> Installs { get; } = [];
    public List<EmulatedOperatingSystem> OperatingSystems { get; } = [];
    public List<EmulatedSubnet> Subnets { get; } = [];
    public List<EmulatedPartModel> PartModels { get; } = [];

    /// <summary>A small site for <c>edge demo</c>: one prohibited title on two workstations, a nearly full subnet, a low part.</summary>
    public static EmulatedInventory Demo()
    {
        var inventory = new EmulatedInventory();
        inventory.Software.AddRange([
            new("Microsoft Office 2019", "Managed", LicensedCount: 40),
            new("Adobe Acrobat Pro", "Managed", LicensedCount: 5),
            new("uTorrent", "Prohibited"),
            new("7-Zip", "Unmanaged"),
        ]);
        for (var i = 1; i <= 36; i++)
            inventory.Installs.Add(new("Microsoft Office 2019", $"ws-{i:000}"));
        for (var i = 1; i <= 5; i++)
            inventory.Installs.Add(new("Adobe Acrobat Pro", $"ws-{i:000}"));
        inventory.Installs.AddRange([new("uTorrent", "ws-042"), new("uTorrent", "ws-077"), new("7-Zip", "ws-001")]);
        // 12 Windows servers, 9 counted as licensed; 30 Ubuntu machines, none (licensed + not licensed = total).
        inventory.OperatingSystems.AddRange([new("Windows Server 2019", Licensed: 9, NotLicensed: 3), new("Ubuntu 22.04", Licensed: 0, NotLicensed: 30)]);
        inventory.Subnets.AddRange([new(1, "10.10.0.0", 24, UsedIps: 243, AvailableIps: 5), new(2, "10.20.0.0", 24, UsedIps: 40)]);
        inventory.PartModels.AddRange([new("DDR4 32GB RDIMM", 20, 2), new("1.92TB NVMe SSD", 8, 6)]);
        return inventory;
    }
}
