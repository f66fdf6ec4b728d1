using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Snmp.Profiles;

/// <summary>
/// The readings of one poll of one device, all stamped with the poll's single time (the rule engine derives dew point
/// only from same-time temperature and humidity). Setting an (entity, metric) again replaces the earlier value, so a
/// profile decodes the generic MIB (RFC 1628) first and lets the vendor MIB override what it knows better.
/// </summary>
public sealed class DeviceReadings
{
    private readonly List<Reading> _readings = [];
    private readonly Dictionary<(string Entity, string Metric), int> _positions = new();

    public DeviceReadings(string device, DateTimeOffset time)
    {
        Device = device;
        Time = time;
    }

    /// <summary>The readings of a poll that did not read the device: <see cref="Reading.Unreachable"/> and nothing else.</summary>
    public static DeviceReadings Unreachable(string device, DateTimeOffset time)
    {
        var readings = new DeviceReadings(device, time);
        readings.Put(Reading.Unreachable(device, time));
        return readings;
    }

    public string Device { get; }
    public DateTimeOffset Time { get; }
    public int Count => _readings.Count;
    public IReadOnlyList<Reading> All => _readings;

    /// <summary>
    /// Set when the agent answered but says it has lost the device it manages (an APC NMC with <c>upsCommStatus</c>
    /// noComm): the device is then unreachable and nothing else it reports is current.
    /// </summary>
    public string? UnavailableReason { get; private set; }

    public void MarkUnavailable(string reason) => UnavailableReason = reason;

    /// <summary>A reading of the device itself (entity = DEVICE).</summary>
    public void Set(string metric, double value) => Put(Device, metric, value);

    /// <summary>A reading of a part of the device (entity = DEVICE/KIND/INDEX).</summary>
    public void Set(EntityKind kind, string index, string metric, double value) => Put(EntityOf(kind, index), metric, value);

    /// <summary>Sets the value when there is one; a null (absent or sentinel) writes nothing.</summary>
    public void Set(EntityKind kind, string index, string metric, double? value)
    {
        if (value is { } v)
            Set(kind, index, metric, v);
    }

    /// <summary>As above, with the entity index a table row's index, made text only when there is a value.</summary>
    internal void Set(EntityKind kind, RowIndex row, string metric, double? value)
    {
        if (value is { } v)
            Set(kind, row.ToString(), metric, v);
    }

    public void Set(string metric, double? value)
    {
        if (value is { } v)
            Set(metric, v);
    }

    /// <summary>A declared scalar's reading of the device itself; nothing when absent, out of range or a sentinel.</summary>
    internal void Set(MibObject scalar, VarBindTable table) => Set(MetricOf(scalar), table.Value(scalar));

    /// <summary>A declared column's reading of one part of the device (row <paramref name="row"/>); nothing when absent, out of range or a sentinel.</summary>
    internal void Set(EntityKind kind, string index, MibObject column, VarBindTable table, RowIndex row) =>
        Set(kind, index, MetricOf(column), table.Value(column, row));

    /// <summary>As above, with the entity index the row index itself; the index is made text only when there is a reading.</summary>
    internal void Set(EntityKind kind, RowIndex row, MibObject column, VarBindTable table)
    {
        var metric = MetricOf(column);
        if (table.Value(column, row) is { } value)
            Set(kind, row.ToString(), metric, value);
    }

    public void SetState(string metric, string state) => Put(Device, metric, Metrics.Get(metric).StateCode(state));

    /// <summary>A state reading of a part of the device (a door or leak sensor's <see cref="Metrics.Contact"/>).</summary>
    public void SetState(EntityKind kind, string index, string metric, string state) => Put(EntityOf(kind, index), metric, Metrics.Get(metric).StateCode(state));

    public bool TryGet(string entity, string metric, out double value)
    {
        if (_positions.TryGetValue((entity, metric), out var i))
        {
            value = _readings[i].Value;
            return true;
        }
        value = double.NaN;
        return false;
    }

    public bool TryGet(string metric, out double value) => TryGet(Device, metric, out value);

    /// <summary>The state a state metric of the device has been set to, or null.</summary>
    public string? State(string metric) =>
        TryGet(metric, out var code) ? Metrics.Get(metric).States![(int)code] : null;

    public string EntityOf(EntityKind kind, string index) => kind == EntityKind.Device ? Device : EntityId.Of(Device, kind, index);

    public void WriteTo(IReadingSink sink)
    {
        foreach (var reading in _readings)
            sink.Write(reading);
    }

    private static string MetricOf(MibObject o) =>
        o.Metric ?? throw new InvalidOperationException($"{o.Name} is declared without a metric: read it with VarBindTable.Number");

    private void Put(string entity, string metric, double value)
    {
        if (double.IsFinite(value))
            Put(new Reading(entity, metric, value, Time));
    }

    private void Put(Reading reading)
    {
        if (_positions.TryGetValue((reading.Entity, reading.Metric), out var i))
            _readings[i] = reading;
        else
        {
            _positions[(reading.Entity, reading.Metric)] = _readings.Count;
            _readings.Add(reading);
        }
    }
}
