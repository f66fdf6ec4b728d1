using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Client;

/// <summary>
/// Where a walk is: the last OID handed out (the next request asks for what follows it) and how many varbinds so far.
/// Answers are decoded from their BER one varbind at a time, the OID into arcs here, so a walk of thousands of
/// varbinds creates one <see cref="Oid"/> per request, not one per varbind.
/// </summary>
internal sealed class WalkCursor
{
    private readonly Oid _root;
    private readonly uint[] _current = new uint[OidCodec.MaxArcs];
    private int _currentLength;

    public WalkCursor(Oid root)
    {
        _root = root;
        root.Arcs.CopyTo(_current);
        _currentLength = root.Length;
    }

    public int Walked { get; private set; }

    /// <summary>The OID to ask the next GETBULK/GETNEXT for.</summary>
    public Oid Current() => new(_current.AsSpan(0, _currentLength).ToArray());

    /// <summary>
    /// Hands each varbind of one answer that lies inside the subtree to <paramref name="each"/>, in order. Done at the
    /// end of the subtree or at endOfMibView (whose varbinds inside the subtree are handed over, as snmpbulkwalk
    /// prints them); a varbind that does not increase ends the walk with the reason.
    /// </summary>
    /// <param name="answer">A VarBindList's content as <see cref="PduView.CheckVarBinds"/> accepted it.</param>
    public (bool Done, string? NotIncreasing) Visit(ReadOnlySpan<byte> answer, Action<VarBindView> each)
    {
        var reader = new VarBindReader(answer);
        Span<uint> arcs = stackalloc uint[OidCodec.MaxArcs];
        var root = _root.Arcs;
        var done = false;
        var any = false;
        while (!reader.IsAtEnd)
        {
            any = true;
            if (reader.Next(out var raw) != DecodeError.None || !OidCodec.TryDecode(raw.Oid, arcs, out var count)
                || ValueDecoder.Decode(raw.ValueTag, raw.Value, out var value) != DecodeError.None)
                throw new InvalidOperationException("a checked walk answer did not decode");
            var oid = arcs[..count];
            if (value.Type == SnmpType.EndOfMibView)
            {
                // Kept as data, the way snmpbulkwalk prints the endOfMibView varbinds of its last response.
                if (oid.StartsWith(root))
                {
                    each(new VarBindView(oid, value));
                    Walked++;
                }
                done = true;
                continue;
            }
            if (done || !oid.StartsWith(root) || oid.Length == root.Length)
                return (true, null);
            var current = _current.AsSpan(0, _currentLength);
            if (oid.SequenceCompareTo(current) <= 0)
                return (true, $"OID not increasing: {new Oid(current.ToArray())} >= {new Oid(oid.ToArray())}");
            each(new VarBindView(oid, value));
            Walked++;
            oid.CopyTo(_current);
            _currentLength = count;
        }
        // An empty answer ends the walk too.
        return (done || !any, null);
    }
}
