using System.Text.Json;
using Edge.Core.Readings;
using Edge.Inventory.Client;

namespace Edge.Inventory.Tests.Source;

/// <summary>
/// Answers written as Device42's API 2.0 swagger documents them (field names of <c>OperatingSystems</c>,
/// <c>Partmodels_partmodels</c> and <c>Get_Software_Component_details</c>, counts as numbers, numeric strings and empty
/// strings as in its examples), read without the emulator: the emulator and the client could otherwise agree on a
/// shape no appliance serves.
/// </summary>
public class DocumentedShapeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_documented_operating_system_gives_its_device_count_licence_use_and_unlicensed_devices()
    {
        // 12 devices run it: 9 counted as licensed, 3 not (9 + 3 = 12, as Device42 defines the three counts).
        var page = JsonSerializer.Deserialize("""
            { "operatingsystems": [
              { "id": 7, "name": "Windows Server 2019", "category": "Windows", "manufacturer": "Microsoft",
                "total_count": "12", "licensed_count": "9", "not_licensed_count": "3", "aliases": [], "notes": "" } ] }
            """, Device42Json.Default.OperatingSystemPage)!;

        var readings = Map(Snapshot(systems: page.Items!));

        Assert.Contains(new Reading("os/Windows Server 2019", Metrics.Count, 12, Now), readings);
        // 100 × 9 ÷ 12 = 75 % of the devices running it are licensed.
        Assert.Contains(new Reading("os/Windows Server 2019", Metrics.LicenseUsePct, 75, Now), readings);
        Assert.Contains(new Reading("os/Windows Server 2019", Metrics.Unlicensed, 3, Now), readings);
    }

    [Fact]
    public void A_documented_part_model_gives_the_parts_in_stock_and_their_share()
    {
        var page = JsonSerializer.Deserialize("""
            { "total_count": 1, "offset": 0, "limit": 1000, "partmodels": [
              { "partmodel_id": 5, "name": "DDR4 32GB RDIMM", "type": "Memory", "manufacturer": "Samsung", "modelno": "M393A4K40",
                "total_count": "20", "available": "2", "used": "18", "in_devices": "17", "in_rma": "1", "in_transit": "0",
                "in_storage_rooms": "2", "in_storage_racks": "0" } ] }
            """, Device42Json.Default.PartModelPage)!;

        var readings = Map(Snapshot(parts: page.Items!));

        Assert.Contains(new Reading("partmodel/DDR4 32GB RDIMM", Metrics.Available, 2, Now), readings);
        // 100 × 2 ÷ 20 = 10 %.
        Assert.Contains(new Reading("partmodel/DDR4 32GB RDIMM", Metrics.AvailablePct, 10, Now), readings);
    }

    [Fact]
    public void The_documented_software_component_with_empty_counts_gives_no_reading_and_is_not_malformed()
    {
        // The swagger's own example of Get_Software_Component_details, total_count a string as in its 200 example.
        var page = JsonSerializer.Deserialize("""
            { "total_count": "1", "software": [
              { "aliases": "3pay, 4pay", "category": "past_time2", "discovered_count": "", "id": "583", "licensed_count": "",
                "licensing_model": "Individual - Device/Perpetual", "name": "2pay", "notes": "test", "software_type": "prohibited",
                "tags": ["def"], "track_licensed_count_by_keys": "yes", "vendor": "cisco" } ] }
            """, Device42Json.Default.SoftwarePage)!;
        var malformed = new List<string>();

        var readings = Map(Snapshot(software: page.Items!), malformed);

        Assert.Equal(1, page.TotalCount.Value);
        Assert.Equal(583, page.Items![0].Id.Value);
        Assert.Empty(readings);
        Assert.Empty(malformed);
    }

    private static InventorySnapshot Snapshot(IReadOnlyList<SoftwareItem>? software = null, IReadOnlyList<OperatingSystemItem>? systems = null,
        IReadOnlyList<PartModelItem>? parts = null) =>
        new(software ?? [], [], true, systems ?? [], [], new Dictionary<int, int>(), parts ?? []);

    private static List<Reading> Map(InventorySnapshot snapshot, List<string>? malformed = null)
    {
        var readings = new List<Reading>();
        InventoryMapper.Map(snapshot, 100, new ProhibitedFindings(100), Now, readings, malformed ?? []);
        return readings;
    }
}
