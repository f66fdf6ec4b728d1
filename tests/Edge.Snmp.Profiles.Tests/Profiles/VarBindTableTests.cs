using Edge.Snmp.Profiles.Tests.Support;
using Edge.Snmp.Protocol;
using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// Reading a table by row: a row found in one column reads the same row of another column, and only that row. The OIDs
/// are chosen so that a lookup comparing text or prefixes would hit a neighbour: column .1.2 row 3 against column .1.23,
/// and a compound INDEX { strap, probe } whose strap alone is another row.
/// </summary>
public sealed class VarBindTableTests
{
    private const string Table = "1.3.6.1.4.1.99999.1";

    private static readonly VarBindTable Fetched = new(SnmprecReader.Parse(
    [
        $"{Table}.1.2.3|2|7",       // column 1.2, row 3
        $"{Table}.1.2.1.3|2|13",    // column 1.2, row 1.3
        $"{Table}.1.23|2|99",       // column 1.23: not row 3 of column 1.2
        $"{Table}.1.4.1|2|1",       // column 1.4, row 1 (the strap)
        $"{Table}.1.4.1.3|2|2",     // column 1.4, row 1.3 (strap 1, probe 3)
        $"{Table}.1.5.1.3|4|probe", // column 1.5, row 1.3, an OCTET STRING
    ]));

    [Fact]
    public void A_row_reads_the_same_row_of_another_column_and_no_neighbour()
    {
        var rows = Fetched.Rows(Oid.Parse($"{Table}.1.4")).ToList();

        Assert.Equal(["1", "1.3"], rows.Select(r => r.ToString()));
        Assert.Equal(1, Fetched.Number(Oid.Parse($"{Table}.1.4"), rows[0]));
        Assert.Equal(2, Fetched.Number(Oid.Parse($"{Table}.1.4"), rows[1]));             // strap 1, probe 3: not the strap's own row
        Assert.Equal(13, Fetched.Number(Oid.Parse($"{Table}.1.2"), rows[1]));
        Assert.Equal(1, Fetched.Number(Oid.Parse($"{Table}.1.4"), rows[1].Prefix(1))); // the strap of strap 1, probe 3
        Assert.Null(Fetched.Number(Oid.Parse($"{Table}.1.5"), rows[0]));               // no row 1 in column 1.5
        Assert.Equal("probe", Fetched.Text(Oid.Parse($"{Table}.1.5"), rows[1]));
    }

    [Fact]
    public void A_column_holds_only_its_own_rows()
    {
        var column = Oid.Parse($"{Table}.1.2");

        Assert.Equal(["1.3", "3"], Fetched.Rows(column).Select(r => r.ToString()));
        Assert.Equal([13L, 7L], Fetched.Rows(column).Select(r => Fetched.Number(column, r)));
    }

    [Fact]
    public void Rows_with_the_same_arcs_are_one_row_whichever_column_they_came_from()
    {
        var inColumn2 = Fetched.Rows(Oid.Parse($"{Table}.1.2")).First();
        var inColumn4 = Fetched.Rows(Oid.Parse($"{Table}.1.4")).Last();

        Assert.Equal(inColumn2, inColumn4); // both 1.3: Union and Distinct over two columns see one row
        Assert.Equal(inColumn2.GetHashCode(), inColumn4.GetHashCode());
        Assert.Equal("3", inColumn2.After(1).ToString());
    }
}
