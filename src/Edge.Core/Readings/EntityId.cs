using System.Security.Cryptography;
using System.Text;

namespace Edge.Core.Readings;

/// <summary>
/// Parses entity ids of the form <c>DEVICE</c> or <c>DEVICE/KIND/INDEX</c> (INDEX may be dotted), and builds and parses
/// the inventory forms, which start with their kind: <c>software/NAME</c>, <c>os/NAME</c>, <c>partmodel/NAME</c>,
/// <c>subnet/NETWORK/BITS</c> (<c>subnet/VRF/NETWORK/BITS</c> in a VRF group) and <c>prohibited/SOFTWARE/DEVICE</c>.
/// </summary>
public static class EntityId
{
    /// <summary>
    /// The longest name part an inventory entity id keeps. Names come from a CMDB and are not bounded there; the
    /// dedup key (255 characters with the appliance and rule ids) must still hold two of them readably.
    /// </summary>
    public const int MaxNameLength = 100;

    // A hash of the full name keeps two long names that share a prefix apart.
    private const int HashLength = 8;

    public static string Of(string device, EntityKind kind, string index) => $"{device}/{KindName(kind)}/{index}";

    public static string KindName(EntityKind kind) => kind.ToString().ToLowerInvariant();

    // Named one by one, not by position in the enum, so a device kind added later cannot become an inventory kind.
    public static bool IsInventoryKind(EntityKind kind) =>
        kind is EntityKind.Software or EntityKind.Os or EntityKind.Subnet or EntityKind.PartModel or EntityKind.Prohibited;

    /// <summary>A device kind (the KIND of <c>DEVICE/KIND/INDEX</c>); inventory kinds are not.</summary>
    public static bool TryParseKind(string name, out EntityKind kind)
    {
        foreach (var k in Enum.GetValues<EntityKind>())
        {
            if (k != EntityKind.Device && !IsInventoryKind(k) && KindName(k) == name)
            {
                kind = k;
                return true;
            }
        }
        kind = EntityKind.Device;
        return false;
    }

    /// <summary>An inventory kind: the first part of an inventory entity id.</summary>
    public static bool TryParseInventoryKind(string name, out EntityKind kind)
    {
        foreach (var k in Enum.GetValues<EntityKind>())
        {
            if (IsInventoryKind(k) && KindName(k) == name)
            {
                kind = k;
                return true;
            }
        }
        kind = EntityKind.Device;
        return false;
    }

    /// <summary>Splits an entity id into its device and kind; false when it has neither one nor three parts or an unknown kind.</summary>
    public static bool TryParse(string entity, out string device, out EntityKind kind)
    {
        kind = EntityKind.Device;
        var first = entity.IndexOf('/');
        if (first < 0)
        {
            device = entity;
            return entity.Length > 0;
        }
        device = entity[..first];
        var second = entity.IndexOf('/', first + 1);
        if (second < 0 || second == entity.Length - 1 || entity.IndexOf('/', second + 1) >= 0 || device.Length == 0)
            return false;
        return TryParseKind(entity[(first + 1)..second], out kind);
    }

    /// <summary>
    /// The kind of an inventory entity id: <c>software/NAME</c>, <c>os/NAME</c>, <c>partmodel/NAME</c> (two parts),
    /// <c>subnet/NETWORK/BITS</c> or <c>subnet/VRF/NETWORK/BITS</c> (BITS a number) or <c>prohibited/SOFTWARE/DEVICE</c>
    /// (three parts), no part empty.
    /// </summary>
    public static bool TryParseInventory(string entity, out EntityKind kind)
    {
        var parts = entity.Split('/');
        if (parts.Any(p => p.Length == 0) || !TryParseInventoryKind(parts[0], out kind))
        {
            kind = EntityKind.Device;
            return false;
        }
        return kind switch
        {
            EntityKind.Software or EntityKind.Os or EntityKind.PartModel => parts.Length == 2,
            EntityKind.Subnet => parts.Length is 3 or 4 && parts[^1].All(char.IsAsciiDigit) && parts[^1].Length <= 3,
            EntityKind.Prohibited => parts.Length == 3,
            _ => false,
        };
    }

    public static string Software(string name) => $"software/{SafeName(name)}";

    public static string Os(string name) => $"os/{SafeName(name)}";

    public static string PartModel(string name) => $"partmodel/{SafeName(name)}";

    /// <summary>
    /// Device42 allows the same network in different VRF groups (docs/inventory.md): the group, when one is set, is
    /// part of the id, so each is its own series and alert.
    /// </summary>
    public static string Subnet(string network, int bits, string? vrfGroup = null) =>
        string.IsNullOrWhiteSpace(vrfGroup) ? $"subnet/{SafeName(network)}/{bits}" : $"subnet/{SafeName(vrfGroup)}/{SafeName(network)}/{bits}";

    public static string Prohibited(string software, string device) => $"prohibited/{SafeName(software)}/{SafeName(device)}";

    /// <summary>
    /// A CMDB name as one part of an entity id. Letters, digits, spaces and punctuation stay as they are, so the id
    /// reads like the name in Device42. Percent-encoded (UTF-8, upper-case hex): <c>/</c> (it separates parts),
    /// <c>%</c> (the escape itself), <c>*</c> and <c>?</c> (glob characters in a rule's select) and control
    /// characters. Leading and trailing white space is dropped; an empty name is <c>(empty)</c>. A name longer than
    /// <see cref="MaxNameLength"/> keeps its beginning and ends in <c>~</c> and 8 hex digits of its SHA-256, so it
    /// stays unique and stable.
    /// </summary>
    public static string SafeName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
            return "(empty)";
        var safe = new StringBuilder(trimmed.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '/' or '%' or '*' or '?' || char.IsControl(c))
            {
                var rune = char.IsSurrogatePair(trimmed, i) ? new Rune(c, trimmed[++i]) : new Rune(char.IsSurrogate(c) ? '\uFFFD' : c);
                var n = rune.EncodeToUtf8(utf8);
                for (var b = 0; b < n; b++)
                    safe.Append('%').Append(utf8[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(c);
            }
        }
        if (safe.Length <= MaxNameLength)
            return safe.ToString();
        var cut = MaxNameLength - HashLength - 1;
        // Never cut through a %XX escape or a surrogate pair.
        var percent = safe.ToString(cut - 2, 2).IndexOf('%');
        if (percent >= 0)
            cut -= 2 - percent;
        if (char.IsHighSurrogate(safe[cut - 1]))
            cut--;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(trimmed)))[..HashLength];
        return safe.ToString(0, cut) + "~" + hash;
    }
}
