using System.Net;
using System.Net.Sockets;

namespace Edge.Snmp.Polling;

/// <summary>
/// Turns a configured host into the address to poll. IP literals need no lookup; DNS names are looked up at each
/// poll, so a device whose address changes is followed without a restart. The lookup is bounded by the device's timeout.
/// </summary>
public static class EndpointResolver
{
    public static async Task<(IPEndPoint? EndPoint, string? Problem)> ResolveAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var literal))
            return (new IPEndPoint(literal, port), null);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, bounded.Token).ConfigureAwait(false);
            // IPv4 first: rack management networks are IPv4 far more often, and an AAAA without a v6 route would time out.
            var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return address is null ? (null, $"DNS name '{host}' has no address") : (new IPEndPoint(address, port), null);
        }
        catch (SocketException e)
        {
            return (null, $"DNS name '{host}' could not be resolved: {e.SocketErrorCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"DNS lookup of '{host}' took longer than {timeout.TotalSeconds:0.#} s");
        }
    }
}
