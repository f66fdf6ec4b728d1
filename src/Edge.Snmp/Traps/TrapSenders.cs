using System.Net;
using System.Security.Cryptography;
using System.Text;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;

namespace Edge.Snmp.Traps;

/// <summary>
/// Who may send traps: the configured devices by address, each with the credentials it is polled with, plus the
/// <c>snmpTraps</c> credentials, which every device may use. Immutable: the receiver swaps in a new one when DNS
/// names resolve anew.
/// </summary>
public sealed class TrapSenders
{
    private readonly Dictionary<IPAddress, TrapSender[]> _byAddress;
    private readonly byte[][] _communities;

    public TrapSenders(IEnumerable<(SnmpDeviceOptions Device, IPAddress Address)> devices, SnmpTrapOptions options)
    {
        _byAddress = devices
            .GroupBy(d => Normalize(d.Address))
            .ToDictionary(g => g.Key, g => g.Select(d => new TrapSender(d.Device.Id,
                d.Device.Version == Protocol.SnmpVersion.V3 ? null : Encoding.UTF8.GetBytes(d.Device.Community), d.Device.Usm)).ToArray());
        _communities = options.Communities.Select(Encoding.UTF8.GetBytes).ToArray();
        Users = options.Users;
    }

    /// <summary>The <c>snmpTraps.users</c>, accepted from any configured device.</summary>
    public IReadOnlyList<UsmCredentials> Users { get; }

    public int Count => _byAddress.Count;

    /// <summary>The devices configured at <paramref name="address"/>; empty when none is.</summary>
    internal IReadOnlyList<TrapSender> At(IPAddress address) => _byAddress.TryGetValue(Normalize(address), out var found) ? found : [];

    /// <summary>Whether <paramref name="community"/> is accepted from these devices: one of theirs, or a <c>snmpTraps</c> one.</summary>
    internal bool Accepts(IReadOnlyList<TrapSender> devices, ReadOnlySpan<byte> community)
    {
        foreach (var device in devices)
        {
            if (device.Community is { } own && Same(own, community))
                return true;
        }
        foreach (var shared in _communities)
        {
            if (Same(shared, community))
                return true;
        }
        return false;
    }

    /// <summary>The v3 users named <paramref name="userName"/> accepted from these devices (theirs first).</summary>
    internal IEnumerable<UsmCredentials> UsersNamed(IReadOnlyList<TrapSender> devices, ReadOnlySpan<byte> userName)
    {
        var name = Encoding.UTF8.GetString(userName);
        return devices.Select(d => d.User).OfType<UsmCredentials>().Concat(Users).Where(u => u.User == name).Distinct();
    }

    // Constant time, so the time to refuse a guess says nothing about how close it was.
    private static bool Same(byte[] expected, ReadOnlySpan<byte> given) => CryptographicOperations.FixedTimeEquals(expected, given);

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>One configured device as a trap sender: its id and the credentials it is polled with (never printed).</summary>
internal sealed record TrapSender(string DeviceId, byte[]? Community, UsmCredentials? User)
{
    public override string ToString() => $"TrapSender {{ DeviceId = {DeviceId}, credentials redacted }}";
}
