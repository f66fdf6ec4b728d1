using Edge.Core.Readings;

namespace Edge.Core.Tests.Readings;

public class InventoryEntityIdTests
{
    [Theory]
    [InlineData("Microsoft Office 2019", "software/Microsoft Office 2019")]
    [InlineData("  Tor Browser  ", "software/Tor Browser")]
    [InlineData("AC/DC Player", "software/AC%2FDC Player")]
    [InlineData("100% Free*?", "software/100%25 Free%2A%3F")]
    [InlineData("line\nbreak", "software/line%0Abreak")]
    [InlineData("Café Ünïcode", "software/Café Ünïcode")]
    [InlineData("", "software/(empty)")]
    public void A_name_keeps_its_letters_and_spaces_and_escapes_what_would_break_an_id_or_a_glob(string name, string entity) =>
        Assert.Equal(entity, EntityId.Software(name));

    [Fact]
    public void A_long_name_keeps_its_beginning_and_a_hash_so_it_stays_unique_and_stable()
    {
        var a = EntityId.SafeName(new string('x', 150) + "a");
        var b = EntityId.SafeName(new string('x', 150) + "b");

        Assert.Equal(EntityId.MaxNameLength, a.Length);
        Assert.StartsWith(new string('x', 91) + "~", a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, EntityId.SafeName(new string('x', 150) + "a"));
    }

    [Fact]
    public void A_long_name_is_never_cut_inside_an_escape()
    {
        var safe = EntityId.SafeName(new string('x', 89) + "/" + new string('y', 50));

        Assert.Equal(new string('x', 89) + "~", safe[..90]);
    }

    [Theory]
    [InlineData("software/Vim", EntityKind.Software)]
    [InlineData("os/Ubuntu 22.04", EntityKind.Os)]
    [InlineData("partmodel/DDR4 32GB", EntityKind.PartModel)]
    [InlineData("subnet/10.0.0.0/24", EntityKind.Subnet)]
    [InlineData("subnet/2001:db8::/64", EntityKind.Subnet)]
    [InlineData("subnet/Tenant A/10.0.0.0/24", EntityKind.Subnet)]
    [InlineData("prohibited/uTorrent/ws-042", EntityKind.Prohibited)]
    public void Inventory_entity_ids_start_with_their_kind(string entity, EntityKind kind)
    {
        Assert.True(EntityId.TryParseInventory(entity, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("software")]
    [InlineData("software/")]
    [InlineData("software/a/b")]
    [InlineData("subnet/10.0.0.0")]
    [InlineData("subnet/10.0.0.0/x")]
    [InlineData("subnet/a/b/10.0.0.0/24")]
    [InlineData("prohibited/uTorrent")]
    [InlineData("pdu-a/inlet/1")]
    public void Other_ids_are_not_inventory_entities(string entity) => Assert.False(EntityId.TryParseInventory(entity, out _));

    [Fact]
    public void A_subnet_in_a_vrf_group_carries_the_group_before_its_network()
    {
        Assert.Equal("subnet/10.0.0.0/24", EntityId.Subnet("10.0.0.0", 24));
        Assert.Equal("subnet/10.0.0.0/24", EntityId.Subnet("10.0.0.0", 24, ""));
        Assert.Equal("subnet/Blue%2FGreen/10.0.0.0/24", EntityId.Subnet("10.0.0.0", 24, "Blue/Green"));
    }

    [Fact]
    public void Inventory_kinds_are_not_device_kinds()
    {
        Assert.False(EntityId.TryParseKind("software", out _));
        Assert.False(EntityId.TryParse("pdu-a/software/1", out _, out _));
    }
}
