namespace Edge.Snmp.Protocol;

/// <summary>
/// One PDU (RFC 3416 §3). For GetBulkRequest the error-status and error-index positions carry non-repeaters and
/// max-repetitions (RFC 3416 §4.2.3); <see cref="NonRepeaters"/> and <see cref="MaxRepetitions"/> name them.
/// </summary>
internal sealed class Pdu
{
    private static readonly SnmpValue Unspecified = new(SnmpType.Null);

    public Pdu(PduType type, int requestId, IReadOnlyList<VarBind> varBinds, int errorStatus = 0, int errorIndex = 0, TrapV1? trapV1 = null)
    {
        Type = type;
        RequestId = requestId;
        VarBinds = varBinds;
        ErrorStatusValue = errorStatus;
        ErrorIndex = errorIndex;
        TrapV1 = trapV1;
    }

    public PduType Type { get; }
    public int RequestId { get; }
    public IReadOnlyList<VarBind> VarBinds { get; }

    /// <summary>The raw error-status integer (agents may send values beyond the enum).</summary>
    public int ErrorStatusValue { get; }
    public ErrorStatus ErrorStatus => (ErrorStatus)ErrorStatusValue;
    public int ErrorIndex { get; }
    public int NonRepeaters => ErrorStatusValue;
    public int MaxRepetitions => ErrorIndex;

    /// <summary>Present only on a v1 Trap-PDU.</summary>
    public TrapV1? TrapV1 { get; }

    /// <summary>A request whose varbinds carry the OIDs with NULL values, as RFC 3416 §4.2.1 asks.</summary>
    public static Pdu Request(PduType type, int requestId, IReadOnlyList<Oid> oids, int nonRepeaters = 0, int maxRepetitions = 0)
    {
        var varBinds = new VarBind[oids.Count];
        for (var i = 0; i < varBinds.Length; i++)
            varBinds[i] = new VarBind(oids[i], Unspecified);
        return new Pdu(type, requestId, varBinds, nonRepeaters, maxRepetitions);
    }
}
