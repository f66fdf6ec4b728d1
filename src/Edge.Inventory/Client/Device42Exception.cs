namespace Edge.Inventory.Client;

/// <summary>
/// A failed read of Device42. The message names the endpoint and what went wrong for the on-call engineer; it is
/// built only from the status, the path and the parser's position, never from a header, so no secret is in it.
/// </summary>
public sealed class Device42Exception(Device42Failure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public Device42Failure Failure { get; } = failure;
}
