using System.Globalization;
using System.Text;

namespace Edge.Snmp.Protocol;

/// <summary>An object identifier as its arcs. Ordered lexicographically by arc, as SNMP walks them.</summary>
public sealed class Oid : IEquatable<Oid>, IComparable<Oid>
{
    private readonly uint[] _arcs;
    private string? _text;

    public Oid(params uint[] arcs) => _arcs = arcs;

    public ReadOnlySpan<uint> Arcs => _arcs;
    public int Length => _arcs.Length;
    public uint this[int index] => _arcs[index];

    public static Oid Parse(string text) =>
        TryParse(text, out var oid) ? oid : throw new FormatException($"'{text}' is not a numeric OID");

    public static bool TryParse(string text, out Oid oid)
    {
        oid = null!;
        var s = text.AsSpan().TrimStart('.');
        if (s.IsEmpty)
            return false;
        var arcs = new List<uint>();
        foreach (var range in s.Split('.'))
        {
            if (!uint.TryParse(s[range], NumberStyles.None, CultureInfo.InvariantCulture, out var arc))
                return false;
            arcs.Add(arc);
        }
        oid = new Oid([.. arcs]);
        return true;
    }

    /// <summary>This OID with more arcs after it (a table column plus a row index).</summary>
    public Oid Append(params ReadOnlySpan<uint> more)
    {
        var arcs = new uint[_arcs.Length + more.Length];
        _arcs.CopyTo(arcs, 0);
        more.CopyTo(arcs.AsSpan(_arcs.Length));
        return new Oid(arcs);
    }

    public bool StartsWith(Oid prefix) => _arcs.AsSpan().StartsWith(prefix._arcs);

    public int CompareTo(Oid? other)
    {
        if (other is null)
            return 1;
        var n = Math.Min(_arcs.Length, other._arcs.Length);
        for (var i = 0; i < n; i++)
        {
            var c = _arcs[i].CompareTo(other._arcs[i]);
            if (c != 0)
                return c;
        }
        return _arcs.Length.CompareTo(other._arcs.Length);
    }

    public bool Equals(Oid? other) => other is not null && _arcs.AsSpan().SequenceEqual(other._arcs);
    public override bool Equals(object? obj) => Equals(obj as Oid);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_arcs.AsSpan()));
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        if (_text is not null)
            return _text;
        var sb = new StringBuilder(_arcs.Length * 4);
        foreach (var arc in _arcs)
            sb.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
        return _text = sb.ToString(1, sb.Length - 1);
    }

    public static bool operator ==(Oid? a, Oid? b) => a?.Equals(b) ?? b is null;
    public static bool operator !=(Oid? a, Oid? b) => !(a == b);
}
