using System.Net;
using System.Net.Sockets;
using Edge.Core.Readings;
using Edge.Inventory.Client;

namespace Edge.Inventory;

/// <summary>
/// Turns one complete read of Device42 into readings (docs/inventory.md): software/NAME count and license_use_pct,
/// os/NAME count, license_use_pct and unlicensed, subnet/[VRF/]NETWORK/BITS used_pct, partmodel/NAME available and
/// available_pct, and the prohibited findings. A figure the appliance does not give (an empty string, null or a
/// missing field) is not invented: that object simply has no such reading. A count that is no number skips its
/// object, which is named in <c>malformed</c>. Each kind keeps at most maxEntities entities, the first by entity id.
/// </summary>
internal static class InventoryMapper
{
    public const string ProhibitedType = "prohibited";

    /// <returns>The kinds that had more entities than maxEntities (empty when none was capped).</returns>
    public static List<string> Map(InventorySnapshot snapshot, int maxEntities, ProhibitedFindings findings, DateTimeOffset now, List<Reading> readings,
        List<string> malformed)
    {
        var capped = new List<string>();

        var software = new SortedDictionary<string, List<(int? Count, int? Licences)>>(StringComparer.Ordinal);
        foreach (var item in snapshot.Software)
        {
            if (item.Name is not { } name || !Given(item.DiscoveredCount, "software", name, "discovered_count", malformed, out var count)
                || !Given(item.LicensedCount, "software", name, "licensed_count", malformed, out var licences))
                continue;
            Add(software, EntityId.Software(name), (count, licences));
        }
        foreach (var (entity, objects) in Cap(software, maxEntities, "software", capped))
        {
            if (Sum(objects.Select(o => o.Count)) is not { } count)
                continue;
            readings.Add(new Reading(entity, Metrics.Count, count, now));
            // Device42's "License Percent Used" for software: "the percentage of available licenses used"
            // (device42-docs software-licensing-alerts-and-notifications): installations found ÷ licences held.
            if (Sum(objects.Select(o => o.Licences)) is > 0 and var licences)
                readings.Add(new Reading(entity, Metrics.LicenseUsePct, Percent(count, licences), now));
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, device) in snapshot.ProhibitedInstalls)
        {
            if (!string.IsNullOrWhiteSpace(device))
                found.Add(EntityId.Prohibited(name, device));
        }
        var keptFindings = found.Take(maxEntities).ToHashSet(StringComparer.Ordinal);
        if (found.Count > maxEntities)
            capped.Add("prohibited");
        findings.Update(keptFindings, complete: snapshot.ProhibitedComplete && found.Count <= maxEntities, now, readings);

        var systems = new SortedDictionary<string, List<(int? Total, int? Licensed, int? NotLicensed)>>(StringComparer.Ordinal);
        foreach (var os in snapshot.OperatingSystems)
        {
            if (os.Name is not { } name || !Given(os.TotalCount, "os", name, "total_count", malformed, out var total)
                || !Given(os.LicensedCount, "os", name, "licensed_count", malformed, out var licensed)
                || !Given(os.NotLicensedCount, "os", name, "not_licensed_count", malformed, out var notLicensed))
                continue;
            Add(systems, EntityId.Os(name), (total, licensed, notLicensed));
        }
        foreach (var (entity, objects) in Cap(systems, maxEntities, "os", capped))
        {
            var total = Sum(objects.Select(o => o.Total));
            if (total is { } n)
                readings.Add(new Reading(entity, Metrics.Count, n, now));
            // "License Percent Used" of an OS (docs/inventory.md): of the devices running it, the share Device42 counts
            // as licensed — licensed_count ÷ total_count, with licensed + not licensed = total.
            if (total is > 0 && Sum(objects.Select(o => o.Licensed)) is { } licensed)
                readings.Add(new Reading(entity, Metrics.LicenseUsePct, Percent(licensed, total.Value), now));
            if (Sum(objects.Select(o => o.NotLicensed)) is { } unlicensed)
                readings.Add(new Reading(entity, Metrics.Unlicensed, unlicensed, now));
        }

        var subnets = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var subnet in snapshot.Subnets)
        {
            if (subnet.SubnetId.Value is not { } id || !snapshot.UsedIpsBySubnet.TryGetValue(id, out var used)
                || subnet.Network is not { } network || subnet.MaskBits.Value is not { } bits
                || HostCapacity(network, bits, subnet.AllowNetworkAddress == true, subnet.AllowBroadcastAddress == true) is not { } capacity)
                continue;
            var entity = EntityId.Subnet(network, bits, VrfGroup(subnet));
            var usedPct = Math.Min(100, Math.Round(100.0 * used / capacity, 2));
            // Two objects with one id (a duplicate in the CMDB): the fuller one is never hidden.
            subnets[entity] = Math.Max(usedPct, subnets.GetValueOrDefault(entity));
        }
        foreach (var (entity, usedPct) in Cap(subnets, maxEntities, "subnet", capped))
            readings.Add(new Reading(entity, Metrics.UsedPct, usedPct, now));

        var parts = new SortedDictionary<string, List<(int? Total, int? Available)>>(StringComparer.Ordinal);
        foreach (var part in snapshot.PartModels)
        {
            if (part.Name is not { } name || !Given(part.TotalCount, "partmodel", name, "total_count", malformed, out var total)
                || !Given(part.Available, "partmodel", name, "available", malformed, out var available))
                continue;
            Add(parts, EntityId.PartModel(name), (total, available));
        }
        foreach (var (entity, objects) in Cap(parts, maxEntities, "partmodel", capped))
        {
            if (Sum(objects.Select(o => o.Available)) is not { } available)
                continue;
            readings.Add(new Reading(entity, Metrics.Available, available, now));
            if (Sum(objects.Select(o => o.Total)) is > 0 and var total)
                readings.Add(new Reading(entity, Metrics.AvailablePct, Percent(available, total), now));
        }
        return capped;
    }

    /// <summary>The VRF group part of a subnet's entity id: its name, or its id when only that is given; null outside a group.</summary>
    public static string? VrfGroup(SubnetItem subnet) =>
        !string.IsNullOrWhiteSpace(subnet.VrfGroupName) ? subnet.VrfGroupName
        : subnet.VrfGroupId.Value is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>
    /// The addresses of an IPv4 subnet Device42 counts as usable: all of them, less the network address unless
    /// <c>allow_network_address</c> is yes and the broadcast address unless <c>allow_broadcast_address</c> is yes
    /// (swagger <c>IPAMsubnets</c>; device42-docs ipam/subnets, "mark the network or broadcast addresses as usable").
    /// A /31 or /32 has no separate network and broadcast address (RFC 3021), so every address counts. Null for IPv6
    /// ("% Used … applies to IPv4 subnets only", device42-docs ipam/subnets) and for what is not a network.
    /// </summary>
    public static double? HostCapacity(string network, int bits, bool allowNetworkAddress, bool allowBroadcastAddress)
    {
        if (!IPAddress.TryParse(network, out var address) || address.AddressFamily != AddressFamily.InterNetwork || bits is < 0 or > 32)
            return null;
        var all = Math.Pow(2, 32 - bits);
        if (bits >= 31)
            return all;
        return all - (allowNetworkAddress ? 0 : 1) - (allowBroadcastAddress ? 0 : 1);
    }

    /// <summary>False (and the object named in <paramref name="malformed"/>) when the count is text that is no number.</summary>
    private static bool Given(Device42Number number, string kind, string name, string field, List<string> malformed, out int? value)
    {
        value = number.Value;
        if (number.Malformed is not { } text)
            return true;
        malformed.Add($"{kind} '{name}' has {field} '{text}'");
        return false;
    }

    private static void Add<T>(SortedDictionary<string, List<T>> entities, string entity, T item)
    {
        if (!entities.TryGetValue(entity, out var list))
            entities[entity] = list = [];
        list.Add(item);
    }

    /// <summary>The sum when every object gives the figure; null ("not given") when any of them does not.</summary>
    private static int? Sum(IEnumerable<int?> values)
    {
        var sum = 0;
        foreach (var value in values)
        {
            if (value is not { } v)
                return null;
            sum += v;
        }
        return sum;
    }

    private static double Percent(double part, double whole) => Math.Round(100.0 * part / whole, 2);

    private static IEnumerable<KeyValuePair<string, T>> Cap<T>(SortedDictionary<string, T> entities, int max, string kind, List<string> capped)
    {
        if (entities.Count > max)
            capped.Add(kind);
        return entities.Take(max);
    }
}
