namespace Edge.Core.Readings;

/// <summary>The KIND part of an entity id <c>DEVICE/KIND/INDEX</c>; <see cref="Device"/> is the device itself.</summary>
public enum EntityKind
{
    Device,
    Inlet,
    Phase,
    Bank,
    Outlet,
    Sensor,
    Input,
    Output,
    Battery,
}
