namespace Edge.Core.Configuration;

/// <summary>What kind of thing produces a device's readings; rule types see only some kinds.</summary>
public enum SourceKind
{
    /// <summary>A sensor wired to the appliance (I2C, hwmon, simulated).</summary>
    LocalSensor,

    /// <summary>A PDU or UPS polled over SNMP.</summary>
    SnmpDevice,

    /// <summary>Another Edge appliance whose status endpoint this one watches.</summary>
    Peer,
}
