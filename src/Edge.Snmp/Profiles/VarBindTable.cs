using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// What one poll fetched from a device: every varbind of the walked subtrees, looked up by OID or by table column.
/// <c>noSuchObject</c> / <c>noSuchInstance</c> / <c>endOfMibView</c> are not kept, and <see cref="Number(Oid)"/> is
/// null for a NULL or non-numeric value: a profile sees "absent", never a zero.
/// </summary>
public sealed class VarBindTable
{
    private readonly SortedList<Oid, SnmpValue> _values = new();

    public VarBindTable()
    {
    }

    public VarBindTable(IEnumerable<VarBind> varBinds) => AddRange(varBinds);

    public int Count => _values.Count;

    public void Add(VarBind varBind)
    {
        if (!varBind.Value.IsException)
            _values[varBind.Oid] = varBind.Value;
    }

    /// <summary>A varbind handed over by a streaming walk; its OID is made only when the value is kept.</summary>
    public void Add(VarBindView varBind)
    {
        if (!varBind.Value.IsException)
            _values[new Oid(varBind.Arcs.ToArray())] = varBind.Value;
    }

    public void AddRange(IEnumerable<VarBind> varBinds)
    {
        foreach (var vb in varBinds)
            Add(vb);
    }

    public bool TryGet(Oid oid, out SnmpValue value) => _values.TryGetValue(oid, out value);

    public bool TryGetNumber(Oid oid, out long value)
    {
        value = 0;
        return _values.TryGetValue(oid, out var v) && v.TryGetNumber(out value);
    }

    /// <summary>The number at <paramref name="oid"/>, or null when absent, NULL or not a number.</summary>
    public long? Number(Oid oid) => TryGetNumber(oid, out var v) ? v : null;

    /// <summary>The number in a table column at row <paramref name="row"/>, or null when absent, NULL or not a number.</summary>
    internal long? Number(Oid column, RowIndex row) =>
        Find(column, row.Arcs) is var i and >= 0 && _values.Values[i].TryGetNumber(out var v) ? v : null;

    /// <summary>
    /// The raw number of a declared scalar, or null when absent, not a number, outside the object's declared range or
    /// one of its sentinels: the one place where "out of range" becomes "no reading".
    /// </summary>
    internal long? Number(MibObject scalar) => Number(scalar.Oid) is { } raw && scalar.IsReading(raw) ? raw : null;

    /// <summary>The raw number of a declared column at row <paramref name="row"/>, under the same rule.</summary>
    internal long? Number(MibObject column, RowIndex row) => Number(column.Oid, row) is { } raw && column.IsReading(raw) ? raw : null;

    /// <summary>A declared scalar in its metric's unit, or null (see <see cref="Number(MibObject)"/>).</summary>
    internal double? Value(MibObject scalar) => Number(scalar) is { } raw ? scalar.ToMetric(raw) : null;

    /// <summary>A declared column at row <paramref name="row"/> in its metric's unit, or null.</summary>
    internal double? Value(MibObject column, RowIndex row) => Number(column, row) is { } raw ? column.ToMetric(raw) : null;

    /// <summary>The row indexes present in a declared column, whatever their values.</summary>
    internal IEnumerable<RowIndex> Rows(MibObject column) => Rows(column.Oid);

    /// <summary>An OCTET STRING in a table column, or null.</summary>
    internal string? Text(Oid column, RowIndex row) =>
        Find(column, row.Arcs) is var i and >= 0 && _values.Values[i] is { Type: SnmpType.OctetString } v ? v.Text : null;

    /// <summary>The rows of a table column: each row's index (the arcs after the column) and value, in OID order.</summary>
    internal IEnumerable<(RowIndex Index, SnmpValue Value)> Column(Oid column)
    {
        var keys = _values.Keys;
        var start = LowerBound(keys, column);
        for (var i = start; i < keys.Count && keys[i].StartsWith(column); i++)
        {
            if (keys[i].Length > column.Length)
                yield return (new RowIndex(keys[i], column.Length), _values.Values[i]);
        }
    }

    /// <summary>The row indexes present in a column.</summary>
    internal IEnumerable<RowIndex> Rows(Oid column) => Column(column).Select(c => c.Index);

    /// <summary>Whether anything at all was fetched under <paramref name="prefix"/>.</summary>
    public bool Any(Oid prefix)
    {
        var keys = _values.Keys;
        var start = LowerBound(keys, prefix);
        return start < keys.Count && keys[start].StartsWith(prefix);
    }

    /// <summary>The position of the cell <paramref name="column"/>.<paramref name="row"/>, or −1: a binary search over arcs, no OID built.</summary>
    private int Find(Oid column, ReadOnlySpan<uint> row)
    {
        var keys = _values.Keys;
        int lo = 0, hi = keys.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = CompareCell(keys[mid].Arcs, column.Arcs, row);
            if (c == 0)
                return mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    /// <summary><paramref name="key"/> against the OID <paramref name="column"/> followed by <paramref name="row"/>, in <see cref="Oid.CompareTo"/>'s order.</summary>
    private static int CompareCell(ReadOnlySpan<uint> key, ReadOnlySpan<uint> column, ReadOnlySpan<uint> row)
    {
        if (key.Length <= column.Length)
        {
            var c = key.SequenceCompareTo(column[..key.Length]);
            return c != 0 ? c : key.Length.CompareTo(column.Length + row.Length);
        }
        var head = key[..column.Length].SequenceCompareTo(column);
        return head != 0 ? head : key[column.Length..].SequenceCompareTo(row);
    }

    private static int LowerBound(IList<Oid> keys, Oid oid)
    {
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid].CompareTo(oid) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
