using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>What one poll fetched from a device: every varbind of the walked subtrees, looked up by OID or by table column.</summary>
public sealed class VarBindTable
{
    private readonly SortedList<Oid, SnmpValue> _values = new();

    public int Count => _values.Count;

    public void Add(VarBind varBind)
    {
        if (!varBind.Value.IsException)
            _values[varBind.Oid] = varBind.Value;
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

    /// <summary>The rows of a table column: each row's index (the arcs after the column, dotted) and value, in OID order.</summary>
    public IEnumerable<(string Index, SnmpValue Value)> Column(Oid column)
    {
        var keys = _values.Keys;
        var start = LowerBound(keys, column);
        for (var i = start; i < keys.Count && keys[i].StartsWith(column); i++)
        {
            if (keys[i].Length > column.Length)
                yield return (keys[i].IndexAfter(column), _values.Values[i]);
        }
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
