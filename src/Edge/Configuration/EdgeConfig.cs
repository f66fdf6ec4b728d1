using Edge.Core.Configuration;
using Edge.Sensors.Configuration;
using Edge.Snmp.Configuration;

namespace Edge.Configuration;

/// <summary>The whole validated configuration: what each stage runs on.</summary>
public sealed record EdgeConfig(string FilePath, string StateDir, MonitorConfig Monitor, IReadOnlyList<SensorOptions> Sensors, IReadOnlyList<SnmpDeviceOptions> Snmp);
