using System.CommandLine;
using Edge.Commands;

var root = new RootCommand("Edge: rack monitoring for a Raspberry Pi, paging through PagerDuty")
{
    RunCommand.Create(),
    DemoCommand.Create(),
    ConfigCommand.Create(),
    StatusCommand.Create(),
    QueueCommand.Create(),
    MaintenanceCommand.Create(),
    TestAlertCommand.Create(),
    AlertsCommand.Create(),
    SnmpCommand.Create(),
    SensorsCommand.Create(),
};
root.Options.Add(CommonOptions.Config);
root.Options.Add(CommonOptions.StateDir);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"edge: {error.Message}");
    return ExitCodes.Invalid;
}
return await parse.InvokeAsync();
