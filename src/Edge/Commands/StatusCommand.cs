using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Configuration;
using Edge.Status;

namespace Edge.Commands;

/// <summary><c>edge status [--json]</c>: what the running daemon sees, read from its status endpoint.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "print the status document as JSON" };
        var status = new Command("status", "what the daemon sees now: sources, readings, open alerts, configuration state") { json };
        status.SetAction(async (parse, cancel) =>
        {
            var listen = EdgeConfigLoader.StatusListenOf(parse.GetValue(CommonOptions.Config)!);
            if (listen is null)
            {
                Console.Error.WriteLine("edge status: the status endpoint is disabled (status.listen is \"none\")");
                return ExitCodes.Failure;
            }
            var address = listen.Replace("*", "127.0.0.1", StringComparison.Ordinal);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            StatusDocument? document;
            try
            {
                document = await http.GetFromJsonAsync($"http://{address}/status", StatusJsonContext.Default.StatusDocument, cancel);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                Console.Error.WriteLine($"edge status: no daemon answers on {address} ({e.Message}); is edge running? (systemctl status edge)");
                return ExitCodes.Failure;
            }
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(document!, StatusJsonContext.Default.StatusDocument));
            else
                StatusPrinter.Print(document!, Console.Out);
            return ExitCodes.Ok;
        });
        return status;
    }
}
