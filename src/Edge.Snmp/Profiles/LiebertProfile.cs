using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Liebert / Vertiv devices with a Liebert web card (sysObjectID <c>476.1.42</c>, the same for UPSes and MPH/MPH2 rack
/// PDUs): the rack PDU tables of LIEBERT-GP-PDU-MIB (<see cref="LiebertPdu"/>), and for UPSes LIEBERT-GP-POWER-MIB's line
/// measurements (<c>476.1.42.3.5.2.3</c>), then RFC 1628 over them. The cards answer RFC 1628 only in part (the
/// liebert_weblbds recording has no upsEstimatedChargeRemaining and no upsOutputPercentLoad), so the per-line load comes
/// from LIEBERT-GP-POWER; where both give a value RFC 1628's wins, its currents being in tenths of an ampere where
/// LIEBERT-GP-POWER gives whole amperes. The table's rows are INDEX { measurement point, line } and each names its point
/// by a well-known OID (lgpPwrWellKnownMeasurementPoints <c>476.1.42.3.5.2.1</c>).
/// Source: LIEBERT-GP-POWER-MIB (LibreNMS mibs/liebert/LIEBERT-GP-POWER-MIB); RFC 1628 as in <see cref="Rfc1628UpsProfile"/>.
/// <list type="table">
/// <item>lgpPwrLineMeasurementTable 3.5.2.3.1 (point.line): point .3 (OID) lgpPwrMeasSystemOutput 2.1.9 or lgpPwrOutputToLoad 2.1.5 → output/LINE,
/// lgpPwrSource1Input 2.1.1 → input/LINE, any other point (bypass 2.1.7, battery, DC bus …) not read</item>
/// <item>voltsLN .5 (V), current .6 (A), truePower .9 (W): Integer32 magnitudes, negative = no reading</item>
/// <item>output only: capacity .7 (% of the line's capacity in use), then percentLoad .19 (%) where present → output/LINE load_pct;
/// the device's load_pct is the highest line, as RFC 1628's</item>
/// <item>LIEBERT-GP-ENVIRONMENTAL-MIB, which the liebert_weblbds card also answers: lgpEnvTemperatureTableDegC 3.4.1.3.3.1,
/// measurement .3 (Integer32, degrees Celsius) → sensor/temperature-ID; lgpEnvHumidityTableRel 3.4.2.2.3.1, measurement .3
/// (Integer32, percent relative humidity) → sensor/humidity-ID. Each row is one measurement (control, supply air,
/// return air …, named by its .2 OID), not one probe, so temperature and humidity rows are separate entities.</item>
/// </list>
/// </summary>
internal sealed class LiebertProfile : IDeviceProfile
{
    private const string LineEntry = "1.3.6.1.4.1.476.1.42.3.5.2.3.1.";
    private const string WellKnownPoint = "1.3.6.1.4.1.476.1.42.3.5.2.1.";
    private static readonly Oid Point = Oid.Parse(LineEntry + "3");
    private static readonly Oid Source1Input = Oid.Parse(WellKnownPoint + "1");
    private static readonly Oid OutputToLoad = Oid.Parse(WellKnownPoint + "5");
    private static readonly Oid SystemOutput = Oid.Parse(WellKnownPoint + "9");

    //                                                  MIB object (LIEBERT-GP-POWER-MIB)   OID               metric            scale range (Integer32 magnitudes)
    private static readonly MibObject VoltsLn     = new("lgpPwrLineMeasurementVoltsLN",     LineEntry + "5",  Metrics.VoltageV, 1, MibRange.NonNegative);
    private static readonly MibObject Current     = new("lgpPwrLineMeasurementCurrent",     LineEntry + "6",  Metrics.CurrentA, 1, MibRange.NonNegative);
    private static readonly MibObject Capacity    = new("lgpPwrLineMeasurementCapacity",    LineEntry + "7",  Metrics.LoadPct,  1, MibRange.NonNegative);
    private static readonly MibObject TruePower   = new("lgpPwrLineMeasurementTruePower",   LineEntry + "9",  Metrics.PowerW,   1, MibRange.NonNegative);
    private static readonly MibObject PercentLoad = new("lgpPwrLineMeasurementPercentLoad", LineEntry + "19", Metrics.LoadPct,  1, MibRange.NonNegative);
    //                                                  MIB object (LIEBERT-GP-ENVIRONMENTAL-MIB)
    private static readonly MibObject EnvTempC    = new("lgpEnvTemperatureMeasurementDegC", "1.3.6.1.4.1.476.1.42.3.4.1.3.3.1.3", Metrics.TemperatureC, 1, MibRange.Integer32);
    private static readonly MibObject EnvHumidity = new("lgpEnvHumidityMeasurementRel",     "1.3.6.1.4.1.476.1.42.3.4.2.2.3.1.3", Metrics.HumidityPct,  1, MibRange.Percent);

    public string Name => "liebert";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.476.1.42")];

    public IReadOnlyList<Oid> Subtrees { get; } =
        [.. Rfc1628UpsProfile.MibSubtrees, Point, .. new[] { VoltsLn, Current, Capacity, TruePower, PercentLoad, EnvTempC, EnvHumidity }.Select(o => o.Oid), .. LiebertPdu.Subtrees];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        double? maxLoad = null;
        foreach (var (row, value) in t.Column(Point))
        {
            var point = value.OidValue;
            var line = (row.Length > 1 ? row.After(1) : row).ToString();
            var output = point == SystemOutput || point == OutputToLoad;
            if (!output && point != Source1Input)
                continue;
            var kind = output ? EntityKind.Output : EntityKind.Input;
            foreach (var column in new[] { VoltsLn, Current, TruePower })
                r.Set(kind, line, column, t, row);
            if (output && (t.Value(PercentLoad, row) ?? t.Value(Capacity, row)) is { } load)
            {
                r.Set(kind, line, Metrics.LoadPct, load);
                maxLoad = Math.Max(maxLoad ?? 0, load);
            }
        }
        r.Set(Metrics.LoadPct, maxLoad);

        foreach (var row in t.Rows(EnvTempC))
            r.Set(EntityKind.Sensor, "temperature-" + row, EnvTempC, t, row);
        foreach (var row in t.Rows(EnvHumidity))
            r.Set(EntityKind.Sensor, "humidity-" + row, EnvHumidity, t, row);

        Rfc1628UpsProfile.DecodeMib(t, r);
        LiebertPdu.Decode(t, r);
    }
}
