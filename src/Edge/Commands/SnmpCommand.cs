using System.Buffers;
using System.CommandLine;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;

namespace Edge.Commands;

/// <summary><c>edge snmp</c>: talk to one device from the Pi's shell (interfaces.md). <c>walk</c> lives here; <c>read</c> joins it.</summary>
internal static class SnmpCommand
{
    private const int OutputBlock = 1 << 16;

    public static Command Create()
    {
        var snmp = new Command("snmp", "query an SNMP device directly");
        snmp.Subcommands.Add(CreateWalk());
        snmp.Subcommands.Add(SnmpReadCommand.Create());
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

            // Printed as each response comes in, as ASCII bytes into one buffer written out in 64 KiB blocks: a walk
            // prints thousands of lines, and Console.Out flushes on every one.
            await using var client = new SnmpClient(TimeProvider.System);
            using var stdout = Console.OpenStandardOutput();
            var output = new ArrayBufferWriter<byte>(OutputBlock + 4096);
            void Print(VarBindView vb)
            {
                NetSnmpText.Write(output, vb);
                output.Write("\n"u8);
                if (output.WrittenCount >= OutputBlock)
                    Flush();
            }
            void Flush()
            {
                stdout.Write(output.WrittenSpan);
                output.ResetWrittenCount();
            }
            foreach (var root in roots)
            {
                var result = await client.WalkAsync(target, root, maxRepetitions, Print, cancel);
                if (result.Error is { } error)
                {
                    Flush();
                    Console.Error.WriteLine($"edge snmp walk: {error.Message}");
                    return ExitCodes.Failure;
                }
            }
            Flush();
            return ExitCodes.Ok;
        });
        return walk;
    }
}
