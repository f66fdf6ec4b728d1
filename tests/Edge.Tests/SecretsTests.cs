using Edge.Tests.Support;

namespace Edge.Tests;

/// <summary>Secrets (routing key, SNMP communities and keys, heartbeat token) never reach a log, an error, or edge status.</summary>
public class SecretsTests
{
    private const string RoutingKey = "R0utingKey0123456789abcdefABCDEF";
    private const string Community = "c0mmunity-s3cret";
    private const string AuthKey = "auth-k3y-s3cret";
    private const string PrivKey = "priv-k3y-s3cret";
    private const string Token = "heartbeat-t0ken-s3cret";

    [Fact]
    public async Task No_secret_appears_in_the_log_status_metrics_queue_or_config_check()
    {
        using var dir = new TempDir();
        var port = RunningDaemon.FreePort();
        var deadPort = RunningDaemon.FreePort();
        var file = dir.File("edge.json", $$"""
            {
              "appliance": { "id": "secret-rack" },
              "stateDir": "{{dir.Path}}/state",
              "status": { "listen": "127.0.0.1:{{port}}" },
              "pagerduty": { "connector": "http://127.0.0.1:{{deadPort}}/v2/enqueue", "routingKey": "{{RoutingKey}}" },
              "heartbeat": { "url": "http://127.0.0.1:{{deadPort}}/ping/{{Token}}", "interval": "200ms" },
              "sensors": [ { "id": "rack-top", "driver": "simulated", "interval": "200ms", "baseTemperature": 40 } ],
              "snmp": [
                { "id": "pdu-a", "host": "127.0.0.1:{{deadPort}}", "community": "{{Community}}", "interval": "500ms", "timeout": "200ms", "retries": 0 },
                { "id": "ups-1", "host": "127.0.0.1:{{deadPort}}", "version": "3", "user": "edge", "authProtocol": "sha256",
                  "authKey": "{{AuthKey}}", "privProtocol": "aes128", "privKey": "{{PrivKey}}", "interval": "500ms", "timeout": "200ms", "retries": 0 }
              ],
              "rules": [
                { "id": "hot", "type": "sensor", "metric": "temperature_c", "above": 27 },
                { "id": "offline", "type": "power-unit-offline" }
              ]
            }
            """);
        var outputs = new List<string>();
        await using (var edge = new RunningDaemon(file))
        {
            await edge.WaitForLine("Alert Trigger secret-rack/offline/pdu-a");
            await edge.WaitForLine("Alert Trigger secret-rack/offline/ups-1");
            foreach (var args in new[] { new[] { "status" }, ["status", "--json"], ["queue", "list"], ["queue", "list", "--json"], ["config", "check"] })
            {
                var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), [.. args, "--config", file]);
                outputs.Add(result.Stdout + result.Stderr);
            }
            using var http = new HttpClient();
            outputs.Add(await http.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
            outputs.Add(await http.GetStringAsync($"http://127.0.0.1:{port}/status"));
            outputs.AddRange(edge.Log);
        }

        Assert.Contains(outputs, o => o.Contains("pdu-a", StringComparison.Ordinal));
        foreach (var secret in new[] { RoutingKey, Community, AuthKey, PrivKey, Token })
            Assert.DoesNotContain(outputs, o => o.Contains(secret, StringComparison.Ordinal));
    }
}
