using System.Net;
using System.Net.Sockets;
using Edge.Core.Readings;
using Edge.Inventory.Client;

namespace Edge.Inventory;

/// <summary>
/// Turns one complete read of Device42 into readings (docs/inventory.md): software/NAME count and license_use_pct,
/// os/NAME count and license_use_pct, subnet/NETWORK/BITS used_pct, partmodel/NAME available and available_pct, and
/// the prohibited findings. A figure the appliance does not give is not invented: no licences held means no
/// license_use_pct. Each kind keeps at most maxEntities entities, the first by entity id.
/// </summary>
internal static class InventoryMapper
{
    public const string ProhibitedType = "prohibited";

    /// <returns>The kinds that had more entities than maxEntities (empty when none was capped).</returns>
    public static List<string> Map(InventorySnapshot snapshot, int maxEntities, ProhibitedFindings findings, DateTimeOffset now, List<Reading> readings)
    {
        var capped = new List<string>();

        var installs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var install in snapshot.Installs)
        {
            if (install.Software is { } name)
                installs[name] = installs.GetValueOrDefault(name) + 1;
        }
        var software = new SortedDictionary<string, (int Count, int Licences)>(StringComparer.Ordinal);
        foreach (var item in snapshot.Software)
        {
            if (item.Name is not { } name)
                continue;
            var entity = EntityId.Software(name);
            var (count, licences) = software.GetValueOrDefault(entity);
            software[entity] = (count + installs.GetValueOrDefault(name), licences + Math.Max(0, item.LicensedCount ?? 0));
        }
        foreach (var (entity, (count, licences)) in Cap(software, maxEntities, "software", capped))
        {
            readings.Add(new Reading(entity, Metrics.Count, count, now));
            if (licences > 0)
                readings.Add(new Reading(entity, Metrics.LicenseUsePct, Percent(count, licences), now));
        }

        var prohibited = snapshot.Software
            .Where(s => s.Name is not null && string.Equals(s.SoftwareType?.Trim(), ProhibitedType, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name!)
            .ToHashSet(StringComparer.Ordinal);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var install in snapshot.Installs)
        {
            if (install.Software is { } name && prohibited.Contains(name) && !string.IsNullOrWhiteSpace(install.Device))
                found.Add(EntityId.Prohibited(name, install.Device));
        }
        var keptFindings = found.Take(maxEntities).ToHashSet(StringComparer.Ordinal);
        if (found.Count > maxEntities)
            capped.Add("prohibited");
        findings.Update(keptFindings, complete: found.Count <= maxEntities, now, readings);

        var systems = new SortedDictionary<string, (int? Count, int Licences)>(StringComparer.Ordinal);
        foreach (var os in snapshot.OperatingSystems)
        {
            if (os.Name is not { } name)
                continue;
            var entity = EntityId.Os(name);
            var (count, licences) = systems.GetValueOrDefault(entity);
            systems[entity] = (os.TotalCount is { } c ? (count ?? 0) + c : count, licences + Math.Max(0, os.LicensedCount ?? 0));
        }
        foreach (var (entity, (count, licences)) in Cap(systems, maxEntities, "os", capped))
        {
            if (count is not { } n)
                continue;
            readings.Add(new Reading(entity, Metrics.Count, n, now));
            if (licences > 0)
                readings.Add(new Reading(entity, Metrics.LicenseUsePct, Percent(n, licences), now));
        }

        var subnets = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var subnet in snapshot.Subnets)
        {
            if (subnet.Network is not { } network || subnet.MaskBits is not { } bits || HostCapacity(network, bits) is not { } capacity
                || !snapshot.IpsBySubnet.TryGetValue(subnet.SubnetId, out var ips))
                continue;
            var used = ips.Count(ip => ip.Available != true);
            subnets[EntityId.Subnet(network, bits)] = Math.Min(100, Math.Round(100.0 * used / capacity, 2));
        }
        foreach (var (entity, usedPct) in Cap(subnets, maxEntities, "subnet", capped))
            readings.Add(new Reading(entity, Metrics.UsedPct, usedPct, now));

        var parts = new SortedDictionary<string, (int Count, int Available)>(StringComparer.Ordinal);
        foreach (var part in snapshot.PartModels)
        {
            if (part.Name is not { } name || part.Available is not { } available)
                continue;
            var entity = EntityId.PartModel(name);
            var (count, availableSoFar) = parts.GetValueOrDefault(entity);
            parts[entity] = (count + Math.Max(0, part.TotalCount ?? 0), availableSoFar + available);
        }
        foreach (var (entity, (count, available)) in Cap(parts, maxEntities, "partmodel", capped))
        {
            readings.Add(new Reading(entity, Metrics.Available, available, now));
            if (count > 0)
                readings.Add(new Reading(entity, Metrics.AvailablePct, Percent(available, count), now));
        }
        return capped;
    }

    /// <summary>
    /// The addresses a subnet can hand out: for IPv4 all but the network and broadcast addresses, except /31 and /32
    /// where every address is usable (RFC 3021); for IPv6 every address. Null for a network or prefix that is not one.
    /// </summary>
    public static double? HostCapacity(string network, int bits)
    {
        if (!IPAddress.TryParse(network, out var address))
            return null;
        var width = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (bits < 0 || bits > width)
            return null;
        var hostBits = width - bits;
        var all = Math.Pow(2, hostBits);
        return width == 32 && hostBits >= 2 ? all - 2 : all;
    }

    private static double Percent(double part, double whole) => Math.Round(100.0 * part / whole, 2);

    private static IEnumerable<KeyValuePair<string, T>> Cap<T>(SortedDictionary<string, T> entities, int max, string kind, List<string> capped)
    {
        if (entities.Count > max)
            capped.Add(kind);
        return entities.Take(max);
    }
}
