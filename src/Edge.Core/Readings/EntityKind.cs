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

    // Inventory kinds: their entity ids start with the kind, not a device (see EntityId.TryParseInventory and
    // EntityId.IsInventoryKind, which names them; a new device kind may go anywhere in this list).

    /// <summary><c>software/NAME</c>: a software title known to Device42.</summary>
    Software,

    /// <summary><c>os/NAME</c>: an operating system known to Device42.</summary>
    Os,

    /// <summary><c>subnet/NETWORK/BITS</c>: a subnet in Device42's IPAM.</summary>
    Subnet,

    /// <summary><c>partmodel/NAME</c>: a part model in Device42's parts stock.</summary>
    PartModel,

    /// <summary><c>prohibited/SOFTWARE/DEVICE</c>: a prohibited software title found on one device.</summary>
    Prohibited,
}
