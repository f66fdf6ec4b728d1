using Edge.Core.Alerts;
using Edge.Delivery.Outbox;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Tests.Support;
using Microsoft.Extensions.Logging;
using static Edge.Delivery.Tests.Support.Pipeline;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>
/// The connector (region, relay URL, proxy, CA bundle, timeout) follows the configuration in force, as the routing keys
/// do: an operator who moves Edge to PagerDuty's EU region or to a relay and reloads is paged through the new one.
/// </summary>
public class ConnectorReloadTests
{
    [Fact]
    public async Task After_a_reload_to_another_endpoint_the_next_event_goes_there()
    {
        await using var p = new Pipeline();
        await using var eu = new PagerDutyEmulator(p.Time).Start();
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        p.Options = p.Options with { Endpoint = eu.Endpoint };
        p.Publish(Event(EventAction.Trigger, "s2", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        Assert.Equal(["dc1-r12/rack-hot/s1"], p.Emulator.Received.Select(e => e.DedupKey));
        Assert.Equal(["dc1-r12/rack-hot/s2"], eu.Received.Select(e => e.DedupKey));
        Assert.Contains(p.Log.Collector.GetSnapshot(), r => r.Id.Id == 3022 && r.Message.Contains(eu.Endpoint.GetLeftPart(UriPartial.Path), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lane_held_because_the_relay_refused_it_tries_the_corrected_endpoint_at_once()
    {
        await using var p = new Pipeline();
        await using var fixedRelay = new PagerDutyEmulator(p.Time).Start();
        p.Emulator.FailNext(1, EmulatorFault.NotFound);
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.Forwarder.PumpAsync(CancellationToken.None);
        Assert.Single(p.Forwarder.Status.RouteFaults);

        // Held until the back-off cap (5 min) against the old endpoint; the new one is tried on the next pass.
        p.Options = p.Options with { Endpoint = fixedRelay.Endpoint };
        await p.Forwarder.PumpAsync(CancellationToken.None);

        Assert.Equal(["dc1-r12/rack-hot/s1"], fixedRelay.Received.Select(e => e.DedupKey));
        Assert.Equal(OutboxStatus.Delivered, Assert.Single(p.Store.All()).Status);
        Assert.Empty(p.Forwarder.Status.RouteFaults);
    }

    [Fact]
    public async Task A_reload_whose_connector_cannot_be_built_keeps_the_working_one_says_so_once_and_a_fix_takes_effect()
    {
        await using var p = new Pipeline();
        await using var relay = new PagerDutyEmulator(p.Time).Start();
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        // The CA bundle was there when the edit was validated and is gone when the forwarder builds the client.
        var broken = p.Options with { Endpoint = relay.Endpoint, CaBundle = Path.Combine(p.StateDir, "gone.pem") };
        p.Options = broken;
        p.Publish(Event(EventAction.Trigger, "s2", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();
        p.Publish(Event(EventAction.Trigger, "s3", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        Assert.Equal(["dc1-r12/rack-hot/s1", "dc1-r12/rack-hot/s2", "dc1-r12/rack-hot/s3"], p.Emulator.Received.Select(e => e.DedupKey));
        var kept = Assert.Single(p.Log.Collector.GetSnapshot(), r => r.Id.Id == 3023);
        Assert.Equal(LogLevel.Error, kept.Level);
        Assert.Contains("gone.pem", kept.Message, StringComparison.Ordinal);

        p.Options = broken with { CaBundle = null };
        p.Publish(Event(EventAction.Trigger, "s4", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        Assert.Equal(["dc1-r12/rack-hot/s4"], relay.Received.Select(e => e.DedupKey));
    }

    [Fact]
    public async Task A_ca_bundle_edited_in_place_is_read_again_at_the_next_reload()
    {
        await using var p = new Pipeline();
        var bundle = Path.Combine(p.StateDir, "proxy-ca.pem");
        File.WriteAllText(bundle, SelfSigned("Proxy CA 1"));
        p.Options = p.Options with { CaBundle = bundle };
        p.Publish(Event(EventAction.Trigger, "s1", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        // The proxy's CA is replaced by a file the connector cannot use; the configuration itself is unchanged.
        File.WriteAllText(bundle, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        await p.Forwarder.PumpAsync(CancellationToken.None);
        Assert.DoesNotContain(p.Log.Collector.GetSnapshot(), r => r.Id.Id is 3022 or 3023);

        p.Options = p.Options with { };
        await p.Forwarder.PumpAsync(CancellationToken.None);
        Assert.Single(p.Log.Collector.GetSnapshot(), r => r.Id.Id == 3023);

        File.WriteAllText(bundle, SelfSigned("Proxy CA 2") + "\n");
        p.Options = p.Options with { };
        p.Publish(Event(EventAction.Trigger, "s2", p.Time.GetUtcNow()));
        await p.PumpUntilIdleAsync();

        Assert.Single(p.Log.Collector.GetSnapshot(), r => r.Id.Id == 3022);
        Assert.Equal(["dc1-r12/rack-hot/s1", "dc1-r12/rack-hot/s2"], p.Emulator.Received.Select(e => e.DedupKey));
    }

    private static string SelfSigned(string name)
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest($"CN={name}", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var ca = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        return ca.ExportCertificatePem();
    }
}
