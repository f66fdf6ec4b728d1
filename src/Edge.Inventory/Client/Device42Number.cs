using System.Globalization;

namespace Edge.Inventory.Client;

/// <summary>
/// A count as the appliance writes it. Device42's API 2.0 swagger shows counts as numbers (<c>OperatingSystems</c>:
/// <c>total_count: 5</c>), as numeric strings (<c>/api/1.0/software/</c> 200: <c>total_count: '2016'</c>) and as
/// empty strings (<c>Get_Software_Component_details</c>: <c>licensed_count: ''</c>, <c>discovered_count: ''</c>).
/// An empty string, null or a missing field is "not given" (<see cref="Value"/> null, not malformed); text that is no
/// whole number is kept in <see cref="Malformed"/> so the one object carrying it can be skipped and named in the log.
/// </summary>
internal readonly record struct Device42Number(int? Value, string? Malformed = null)
{
    public static Device42Number Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return default;
        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? new(value)
            : new(null, trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed);
    }
}
