using Edge.Core.Rules;

namespace Edge.Core.Configuration;

/// <summary>The validated part of the configuration that the evaluate stage runs on.</summary>
public sealed record MonitorConfig(
    ApplianceIdentity Appliance,
    IReadOnlyList<SourceDescriptor> Sources,
    IReadOnlyList<RuleDefinition> Rules,
    long SeriesMemoryBudget)
{
    public const long DefaultSeriesMemoryBudget = 8L * 1024 * 1024;
}
