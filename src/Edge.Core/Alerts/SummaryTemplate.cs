using System.Text;

namespace Edge.Core.Alerts;

/// <summary>
/// Renders a rule's summary template: <c>{name}</c> placeholders from <see cref="Placeholders"/>. The result is whole;
/// fitting it to a receiver's limit is the delivery stage's business.
/// </summary>
public static class SummaryTemplate
{
    public static readonly IReadOnlyList<string> Placeholders =
        ["appliance", "site", "rack", "rule", "entity", "metric", "value", "unit", "above", "below", "clear", "condition", "severity", "count"];

    public const string DefaultEntity = "[{appliance}] {entity} {metric} is {value}{unit}: {condition}";
    public const string DefaultGroup = "[{appliance}] {rule}: {count} in breach: {entity}";

    /// <summary>The placeholders a template uses that are not known; empty when the template is good.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template)
    {
        foreach (var name in Names(template))
        {
            if (!Placeholders.Contains(name))
                yield return name;
        }
    }

    public static string Render(string template, Func<string, string?> value)
    {
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            sb.Append(value(name) ?? "");
            i = close + 1;
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Names(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i);
            if (close < 0)
                yield break;
            yield return template[(i + 1)..close];
            i = close + 1;
        }
    }
}
