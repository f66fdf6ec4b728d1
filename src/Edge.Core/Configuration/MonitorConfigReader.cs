using System.Text.RegularExpressions;
using Edge.Core.Series;

namespace Edge.Core.Configuration;

/// <summary>Reads <c>appliance</c>, <c>limits</c> and <c>rules</c>, and checks the series memory budget.</summary>
public static partial class MonitorConfigReader
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AppliancePattern();

    /// <param name="defaultApplianceId">The appliance id when the file names none (the host name).</param>
    public static MonitorConfig? Read(ConfigNode root, IReadOnlyList<SourceDescriptor> sources, string defaultApplianceId)
    {
        var appliance = root.Child("appliance");
        appliance.OnlyKeys("id", "site", "rack", "contact");
        var contactNode = appliance.Child("contact");
        contactNode.OnlyKeys("name", "email");
        var contact = appliance.Has("contact") ? new Contact(contactNode.String("name"), contactNode.String("email")) : null;
        if (contact?.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
            contactNode.Problem("email", $"'{email}' is not an email address");
        var id = appliance.String("id") ?? defaultApplianceId;
        if (!AppliancePattern().IsMatch(id))
            appliance.Problem("id", $"'{id}' is not allowed; allowed: 1 to 64 characters of letters, digits, '.', '_' and '-'");

        var limits = root.Child("limits");
        limits.OnlyKeys("seriesMemory");
        var budget = MonitorConfig.DefaultSeriesMemoryBudget;
        if (limits.String("seriesMemory") is { } text && !ByteSizes.TryParse(text, out budget))
            limits.Problem("seriesMemory", $"'{text}' is not a size; allowed: {ByteSizes.Allowed}");

        var rules = RulesReader.Read(root, sources);
        var needed = SeriesSizing.WorstCase(sources, rules);
        if (needed > budget)
            limits.Problem("seriesMemory",
                $"the configuration needs up to {needed} bytes ({ByteSizes.Format(needed)}) of series memory, over the budget of {budget} bytes ({ByteSizes.Format(budget)}); " +
                "raise limits.seriesMemory to at least that, or use shorter windows or longer intervals");

        return root.Problems.Any ? null : new MonitorConfig(new ApplianceIdentity(id, appliance.String("site"), appliance.String("rack")) { Contact = contact }, sources, rules, budget);
    }
}
