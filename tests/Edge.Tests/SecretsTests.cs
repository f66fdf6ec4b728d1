using System.Text;
using Edge.Emulators.Device42;
using Edge.Tests.Support;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests;

/// <summary>
/// Secrets (routing key, SNMP communities and keys, heartbeat token, Device42 password) never reach a log, an error,
/// or edge status.
/// </summary>
public class SecretsTests
{
    private const string RoutingKey = "R0utingKey0123456789abcdefABCDEF";
    private const string Community = "c0mmunity-s3cret";
    private const string AuthKey = "auth-k3y-s3cret";
    private const string PrivKey = "priv-k3y-s3cret";
    private const string Token = "heartbeat-t0ken-s3cret";
    private const string Device42User = "edge-reader";
    private const string Device42Password = "d42-passw0rd-s3cret";

    [Fact]
    public async Task No_secret_appears_in_the_log_status_metrics_queue_or_config_check()
    {
        using var dir = new TempDir();
        var port = FreePort.Tcp();
        var deadPort = FreePort.Tcp();
        // The appliance expects another password: every read is refused (401), so the source's error is exercised.
        await using var device42 = new Device42Emulator(Device42User, "not-what-edge-sends");
        var passwordFile = dir.File("device42.password", Device42Password + "\n");
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
              "device42": { "url": "{{device42.Url}}", "user": "{{Device42User}}", "passwordFile": "{{passwordFile}}", "interval": "1s", "timeout": "500ms" },
              "rules": [
                { "id": "hot", "type": "sensor", "metric": "temperature_c", "above": 27 },
                { "id": "offline", "type": "power-unit-offline" },
                { "id": "d42-unreadable", "type": "license-expiry", "metric": "reachable", "below": 1 }
              ]
            }
            """);
        var outputs = new List<string>();
        await using (var edge = new RunningDaemon(file))
        {
            await edge.WaitForLine("Alert Trigger secret-rack/offline/pdu-a");
            await edge.WaitForLine("Alert Trigger secret-rack/offline/ups-1");
            await edge.WaitForLine("Alert Trigger secret-rack/d42-unreadable/device42");
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
        Assert.Contains(outputs, o => o.Contains("HTTP 401", StringComparison.Ordinal));
        Assert.NotEmpty(device42.Requests);
        var basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Device42User}:{Device42Password}"));
        foreach (var secret in new[] { RoutingKey, Community, AuthKey, PrivKey, Token, Device42Password, basicCredentials })
            Assert.DoesNotContain(outputs, o => o.Contains(secret, StringComparison.Ordinal));
    }
}
