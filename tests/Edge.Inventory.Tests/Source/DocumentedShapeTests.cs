using System.Text.Json;
using Edge.Core.Readings;
using Edge.Inventory.Client;

namespace Edge.Inventory.Tests.Source;

/// <summary>
/// Answers written as Device42's API 2.0 swagger documents them (field names of <c>operatingSystems</c> and
/// <c>Partmodels_partmodels</c>, counts as strings as in its examples), read without the emulator: the emulator and
/// the client could otherwise agree on a shape no appliance serves.
/// </summary>
public class DocumentedShapeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_documented_operating_system_gives_its_device_count_and_licence_use()
    {
        var page = JsonSerializer.Deserialize("""
            { "total_count": 1, "offset": 0, "limit": 1000, "operatingsystems": [
              { "id": 7, "name": "Windows Server 2019", "category": "Windows", "manufacturer": "Microsoft",
                "total_count": "12", "licensed_count": "16", "not_licensed_count": "0", "aliases": [], "notes": "" } ] }
            """, Device42Json.Default.OperatingSystemPage)!;

        var readings = Map(new InventorySnapshot([], [], page.Items!, [], new Dictionary<int, IReadOnlyList<IpItem>>(), []));

        Assert.Contains(new Reading("os/Windows Server 2019", Metrics.Count, 12, Now), readings);
        Assert.Contains(new Reading("os/Windows Server 2019", Metrics.LicenseUsePct, 75, Now), readings);
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

        var readings = Map(new InventorySnapshot([], [], [], [], new Dictionary<int, IReadOnlyList<IpItem>>(), page.Items!));

        Assert.Contains(new Reading("partmodel/DDR4 32GB RDIMM", Metrics.Available, 2, Now), readings);
        Assert.Contains(new Reading("partmodel/DDR4 32GB RDIMM", Metrics.AvailablePct, 10, Now), readings);
    }

    private static List<Reading> Map(InventorySnapshot snapshot)
    {
        var readings = new List<Reading>();
        InventoryMapper.Map(snapshot, 100, new ProhibitedFindings(100), Now, readings);
        return readings;
    }
}
