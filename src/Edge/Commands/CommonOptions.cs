using System.CommandLine;
using Edge.Configuration;

namespace Edge.Commands;

/// <summary>Options every subcommand takes (interfaces.md).</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Config = new("--config")
    {
        Description = "the configuration file",
        DefaultValueFactory = _ => EdgeConfigLoader.DefaultPath,
        Recursive = true,
    };

    public static readonly Option<string?> StateDir = new("--state-dir")
    {
        Description = "where Edge keeps its state (default: the config's stateDir, else /var/lib/edge)",
        Recursive = true,
    };
}
