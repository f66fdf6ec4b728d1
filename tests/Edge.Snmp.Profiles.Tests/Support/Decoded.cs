using Edge.Core.Readings;
using Edge.Snmp.Protocol;
using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>
/// A recording decoded as a poll would: the profile chosen from the recording's sysObjectID, only the varbinds under
/// the profile's subtrees kept (so a subtree the profile forgot to walk shows up as a missing reading), one time.
/// </summary>
public sealed class Decoded
{
    public static readonly DateTimeOffset Time = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public Decoded(IDeviceProfile profile, DeviceReadings readings)
    {
        Profile = profile;
        Readings = readings;
    }

    public IDeviceProfile Profile { get; }
    public DeviceReadings Readings { get; }

    public static Decoded Recording(string name, string device = "dev", string? profileName = null)
    {
        var all = Recordings.Read(name);
        var sysObjectId = all.FirstOrDefault(v => v.Oid == Recordings.SysObjectId).Value.OidValue;
        var profile = profileName is null ? DeviceProfiles.Resolve(sysObjectId) : DeviceProfiles.ByName(profileName)!;
        return Of(profile, all, device);
    }

    /// <summary>
    /// A recording with some of its values changed (snmprec lines replacing the recorded objects, or added where the
    /// recording has none): the states a MIB defines that the device did not happen to be in, on an otherwise real walk.
    /// </summary>
    public static Decoded RecordingWith(string name, params string[] snmprecLines)
    {
        var changes = SnmprecReader.Parse(snmprecLines).ToDictionary(v => v.Oid);
        var recorded = Recordings.Read(name);
        var all = recorded.Select(v => changes.GetValueOrDefault(v.Oid, v)).Concat(changes.Values.Where(c => !recorded.Exists(v => v.Oid == c.Oid))).ToList();
        var sysObjectId = all.FirstOrDefault(v => v.Oid == Recordings.SysObjectId).Value.OidValue;
        return Of(DeviceProfiles.Resolve(sysObjectId), all);
    }

    public static Decoded Of(IDeviceProfile profile, IEnumerable<VarBind> varBinds, string device = "dev")
    {
        var table = new VarBindTable(varBinds.Where(v => profile.Subtrees.Any(s => v.Oid.StartsWith(s))));
        var readings = new DeviceReadings(device, Time);
        profile.Decode(table, readings);
        return new Decoded(profile, readings);
    }

    public double Value(string entity, string metric) =>
        Readings.TryGet(entity, metric, out var v) ? v : throw new Xunit.Sdk.XunitException($"no {metric} for {entity}; have: {Describe()}");

    public bool Has(string entity, string metric) => Readings.TryGet(entity, metric, out _);

    public string State(string entity, string metric) => Metrics.Get(metric).Format(Value(entity, metric));

    /// <summary>Every reading of <paramref name="metric"/>, by entity.</summary>
    public Dictionary<string, double> All(string metric) =>
        Readings.All.Where(r => r.Metric == metric).ToDictionary(r => r.Entity, r => r.Value);

    public string Describe() => string.Join(", ", Readings.All.Select(r => $"{r.Entity} {r.Metric}={Metrics.Get(r.Metric).Format(r.Value)}"));
}
