using System.Globalization;
using Edge.Core.Rules;
using Microsoft.Extensions.Configuration;

namespace Edge.Core.Configuration;

/// <summary>
/// A typed, located view of one object of the configuration. Every read that fails records a problem naming the JSON
/// path, what is wrong and what is allowed, and returns null, so a whole file is checked in one pass. Values of
/// secret keys are never repeated in a message.
/// </summary>
public readonly struct ConfigNode
{
    private readonly IConfigurationSection? _section;

    public ConfigNode(IConfiguration root, ConfigProblems problems)
        : this(null, "$", problems) => Root = root;

    private ConfigNode(IConfigurationSection? section, string path, ConfigProblems problems)
    {
        _section = section;
        Path = path;
        Problems = problems;
        Root = null;
    }

    private IConfiguration? Root { get; }
    private IConfiguration? Configuration => (IConfiguration?)_section ?? Root;

    public string Path { get; }
    public ConfigProblems Problems { get; }
    public bool Exists => Root is not null || (_section?.Exists() ?? false);

    public ConfigNode Child(string key) => new(Configuration?.GetSection(key), $"{Path}.{key}", Problems);

    public bool Has(string key) => Configuration?.GetSection(key).Exists() ?? false;

    /// <summary>The keys of an object whose keys are names the operator chooses (e.g. <c>pagerduty.routes</c>).</summary>
    public IEnumerable<string> Keys() => Configuration?.GetChildren().Select(c => c.Key) ?? [];

    /// <summary>The items of an array, in order.</summary>
    public IEnumerable<ConfigNode> Items(string key)
    {
        var section = Configuration?.GetSection(key);
        if (section is null || !section.Exists())
            yield break;
        var children = section.GetChildren().ToList();
        // The JSON provider turns an empty array into an empty value: [] is a list with nothing in it.
        if (section.Value == "" && children.Count == 0)
            yield break;
        if (section.Value is not null || children.Any(c => !int.TryParse(c.Key, out _)))
        {
            Problem(key, "must be a list ([ ... ])");
            yield break;
        }
        foreach (var child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            yield return new ConfigNode(child, $"{Path}.{key}[{child.Key}]", Problems);
    }

    public void Problem(string key, string message) => Problems.Add($"{Path}.{key}", message);

    public void Problem(string message) => Problems.Add(Path, message);

    /// <summary>Reports every key that is not one of <paramref name="allowed"/>: a typo must not silently mean "default".</summary>
    public void OnlyKeys(params string[] allowed)
    {
        if (Configuration is null)
            return;
        foreach (var child in Configuration.GetChildren())
        {
            if (!allowed.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                Problem(child.Key, $"unknown setting; allowed here: {string.Join(", ", allowed)}");
        }
    }

    public string? String(string key, bool required = false, bool secret = false)
    {
        var section = Configuration?.GetSection(key);
        if (section is null || !section.Exists())
        {
            if (required)
                Problem(key, "is required");
            return null;
        }
        if (section.Value is null)
        {
            Problem(key, secret ? "must be a string" : "must be a string, not an object or a list");
            return null;
        }
        return section.Value;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? OneOf(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = String(key, required);
        if (value is null || allowed.Contains(value))
            return value;
        Problem(key, $"'{value}' is not allowed; allowed: {string.Join(", ", allowed)}");
        return null;
    }

    public double? Number(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Problem(key, $"'{text}' is not a number");
        return null;
    }

    public int? Int(string key, int min, int max, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Problem(key, $"'{text}' is not allowed; allowed: a whole number from {min} to {max}");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null)
            return null;
        if (bool.TryParse(text, out var value))
            return value;
        Problem(key, $"'{text}' is not allowed; allowed: true or false");
        return null;
    }

    /// <summary>A duration with a unit; zero is allowed only when <paramref name="allowZero"/>, negative never.</summary>
    public TimeSpan? Duration(string key, bool required = false, bool allowZero = true)
    {
        var text = String(key, required);
        if (text is null)
            return null;
        if (!Durations.TryParse(text, out var value))
        {
            Problem(key, $"'{text}' is not a duration; allowed: {Durations.Allowed}");
            return null;
        }
        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !allowZero))
        {
            Problem(key, $"'{text}' must be {(allowZero ? "zero or more" : "more than zero")}");
            return null;
        }
        return value;
    }

    /// <summary>A string or a list of strings (e.g. <c>"select": "*"</c> or <c>"select": ["a", "b"]</c>).</summary>
    public IReadOnlyList<string>? StringOrList(string key, bool required = false)
    {
        var section = Configuration?.GetSection(key);
        if (section is null || !section.Exists())
        {
            if (required)
                Problem(key, "is required");
            return null;
        }
        if (section.Value is not null)
            return [section.Value];
        var items = Items(key).ToList();
        var values = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item._section?.Value is { } v)
                values.Add(v);
            else
                item.Problem("must be a string");
        }
        if (values.Count == 0 && items.Count == 0)
            Problem(key, "must be a string or a non-empty list of strings");
        return values;
    }
}
