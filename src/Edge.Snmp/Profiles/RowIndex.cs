using System.Globalization;
using System.Text;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// A table row's index: the arcs of a cell's OID after its column (RFC 2578 §7.7 INDEX), kept as arcs of the fetched
/// OID so that reading another column of the same row compares arcs and never formats or parses text. Text is made
/// only where an entity id needs it (<see cref="ToString"/>).
/// </summary>
internal readonly struct RowIndex : IEquatable<RowIndex>
{
    private readonly Oid _cell;
    private readonly int _start;

    /// <summary>The row of <paramref name="cell"/> in the column whose OID has <paramref name="start"/> arcs.</summary>
    internal RowIndex(Oid cell, int start)
        : this(cell, start, cell.Length - start)
    {
    }

    private RowIndex(Oid cell, int start, int length)
    {
        _cell = cell;
        _start = start;
        Length = length;
    }

    public ReadOnlySpan<uint> Arcs => _cell.Arcs.Slice(_start, Length);
    public int Length { get; }

    /// <summary>The <paramref name="arc"/>-th arc of the index (a compound index's part: strap, then probe).</summary>
    public uint this[int arc] => Arcs[arc];

    /// <summary>The index without its first <paramref name="arcs"/> arcs (a compound index's inner part).</summary>
    public RowIndex After(int arcs) => new(_cell, _start + CheckedCount(arcs), Length - arcs);

    /// <summary>The first <paramref name="arcs"/> arcs of the index (a compound index's outer part: the strap, the unit).</summary>
    public RowIndex Prefix(int arcs) => new(_cell, _start, CheckedCount(arcs));

    private int CheckedCount(int arcs) => arcs >= 0 && arcs <= Length ? arcs : throw new ArgumentOutOfRangeException(nameof(arcs), arcs, $"row {this} has {Length} arcs");

    public bool Equals(RowIndex other) => Arcs.SequenceEqual(other.Arcs);
    public override bool Equals(object? obj) => obj is RowIndex other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var arc in Arcs)
            hash.Add(arc);
        return hash.ToHashCode();
    }

    /// <summary>The arcs dotted: the entity index an operator sees (<c>outlet/12</c>, <c>sensor/1.3</c>).</summary>
    public override string ToString()
    {
        if (Length == 1)
            return this[0].ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(Length * 3);
        foreach (var arc in Arcs)
            sb.Append(sb.Length == 0 ? "" : ".").Append(arc.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public static bool operator ==(RowIndex a, RowIndex b) => a.Equals(b);
    public static bool operator !=(RowIndex a, RowIndex b) => !a.Equals(b);
}
