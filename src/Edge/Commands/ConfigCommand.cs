using System.CommandLine;
using Edge.Configuration;
using Edge.Core.Configuration;
using Edge.Core.Series;

namespace Edge.Commands;

/// <summary><c>edge config check</c>: every problem on its own line and exit 2, or exit 0.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var check = new Command("check", "validate the configuration: print every problem and exit 2, or exit 0");
        check.SetAction(parse =>
        {
            var path = parse.GetValue(CommonOptions.Config)!;
            var result = EdgeConfigLoader.Load(path, parse.GetValue(CommonOptions.StateDir));
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                    Console.Error.WriteLine(problem);
                Console.Error.WriteLine($"{path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}; configuration not valid");
                return ExitCodes.Invalid;
            }
            foreach (var warning in result.Config!.Delivery.Warnings)
                Console.Error.WriteLine($"{path}: warning: {warning}");
            var monitor = result.Config!.Monitor;
            var worst = SeriesSizing.WorstCase(monitor.Sources, monitor.Rules);
            Console.WriteLine($"{path}: valid: {monitor.Sources.Count} sources, {monitor.Rules.Count} rules, series memory up to {ByteSizes.Format(worst)} of {ByteSizes.Format(monitor.SeriesMemoryBudget)}");
            return ExitCodes.Ok;
        });
        var config = new Command("config", "check or edit the configuration");
        config.Subcommands.Add(check);
        config.Subcommands.Add(ConfigEditCommand.Create());
        return config;
    }
}
