using System.CommandLine;
using System.Text;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;

namespace Edge.Commands;

/// <summary><c>edge snmp</c>: talk to one device from the Pi's shell (interfaces.md). <c>walk</c> lives here; <c>read</c> joins it.</summary>
internal static class SnmpCommand
{
    public static Command Create()
    {
        var snmp = new Command("snmp", "query an SNMP device directly");
        snmp.Subcommands.Add(CreateWalk());
        return snmp;
    }

    private static Command CreateWalk()
    {
        var host = new Argument<string>("HOST[:PORT]") { Description = "the agent (port 161 unless given)" };
        var oids = new Argument<string[]>("OID") { Description = "numeric OIDs of the subtrees to walk", Arity = ArgumentArity.OneOrMore };
        var repetitions = new Option<int>("--max-repetitions") { Description = "GETBULK max-repetitions (v2c/v3)", DefaultValueFactory = _ => SnmpClient.DefaultMaxRepetitions };
        var walk = new Command("walk", "walk subtrees and print every varbind as `snmpbulkwalk -On` does") { host, oids, repetitions };
        SnmpOptions.AddTo(walk);
        walk.SetAction(async (parse, cancel) =>
        {
            var target = SnmpOptions.TryCreateTarget(parse, parse.GetValue(host)!, out var problem);
            if (target is null)
            {
                Console.Error.WriteLine($"edge snmp walk: {problem}");
                return ExitCodes.Invalid;
            }
            var roots = new List<Oid>();
            foreach (var text in parse.GetValue(oids)!)
            {
                if (!Oid.TryParse(text, out var oid) || !Snmp.Ber.MessageEncoder.IsEncodable(oid))
                {
                    Console.Error.WriteLine($"edge snmp walk: '{text}' is not a numeric OID");
                    return ExitCodes.Invalid;
                }
                roots.Add(oid);
            }
            var maxRepetitions = parse.GetValue(repetitions);
            if (maxRepetitions is < 1 or > 1000)
            {
                Console.Error.WriteLine("edge snmp walk: --max-repetitions must be between 1 and 1000");
                return ExitCodes.Invalid;
            }

            // One buffered writer: a walk prints thousands of lines, and Console.Out flushes on every one.
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            await using var client = new SnmpClient(TimeProvider.System);
            var line = new StringBuilder(128);
            foreach (var root in roots)
            {
                var result = await client.WalkAsync(target, root, maxRepetitions, cancel);
                foreach (var vb in result.VarBinds)
                {
                    line.Clear().Append('.').Append(vb.Oid.ToString()).Append(" = ");
                    NetSnmpText.AppendValue(line, vb.Value);
                    await stdout.WriteLineAsync(line, cancel);
                }
                if (result.Error is { } error)
                {
                    await stdout.FlushAsync(cancel);
                    Console.Error.WriteLine($"edge snmp walk: {error.Message}");
                    return ExitCodes.Failure;
                }
            }
            return ExitCodes.Ok;
        });
        return walk;
    }
}
