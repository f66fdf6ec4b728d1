using System.Security.Cryptography;
using System.Text;

namespace Edge.Core.Alerts;

/// <summary>Stable dedup keys: appliance id / rule id [/ entity id], never longer than PagerDuty's 255 characters.</summary>
public static class DedupKey
{
    public const int MaxLength = 255;

    public static string For(string appliance, string rule, string? entity)
    {
        var key = entity is null ? $"{appliance}/{rule}" : $"{appliance}/{rule}/{entity}";
        if (key.Length <= MaxLength)
            return key;
        // Keep a readable prefix and make it unique with a hash of the whole key, so it stays stable across restarts.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return key[..(MaxLength - hash.Length - 1)] + "~" + hash;
    }
}
