namespace Edge.Inventory.Tests.Source;

public class RemovalConfirmationTests
{
    [Fact]
    public void A_key_missing_from_one_complete_read_is_only_pending()
    {
        var confirmation = new RemovalConfirmation();

        Assert.Empty(confirmation.Confirm(["a"]));
        Assert.Equal(["a"], confirmation.Pending);
    }

    [Fact]
    public void A_key_missing_from_two_complete_reads_in_a_row_is_gone()
    {
        var confirmation = new RemovalConfirmation();
        confirmation.Confirm(["a", "b"]);

        Assert.Equal(["a"], confirmation.Confirm(["a"]));
        Assert.Empty(confirmation.Pending);
    }

    [Fact]
    public void A_key_listed_again_between_two_complete_reads_is_not_gone()
    {
        var confirmation = new RemovalConfirmation();
        confirmation.Confirm(["a"]);
        confirmation.Seen("a");

        // Missing again: that is a first miss once more, not the second of a row.
        Assert.Empty(confirmation.Confirm(["a"]));
        Assert.Equal(["a"], confirmation.Pending);
    }

    [Fact]
    public void A_key_the_next_complete_read_does_not_lack_is_forgotten()
    {
        var confirmation = new RemovalConfirmation();
        confirmation.Confirm(["a"]);
        confirmation.Confirm([]);

        Assert.Empty(confirmation.Confirm(["a"]));
    }
}
