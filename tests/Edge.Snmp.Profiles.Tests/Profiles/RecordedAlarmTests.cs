using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>The real alarm conditions in the recordings, through the profiles and the real rule engine, as an operator would write the rules.</summary>
public class RecordedAlarmTests
{
    [RecordingFact]
    public void Eaton_inlet_current_over_its_warning_triggers_an_infeed_rule()
    {
        // The ePDU's own upper warning is 12.8 A (inputCurrentThUpperWarning 12800 mA); it draws 14.108 A.
        var bench = new RuleBench(["pdu-b"], RuleBench.Rule("infeed-current-high", RuleType.Infeed, Metrics.CurrentA, above: 12.8));

        bench.Feed(Decoded.Recording("eatonpdu_2", "pdu-b").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal(EventAction.Trigger, e.Action);
        Assert.Equal("pdu-b/phase/0.1.1", e.Entity);
    }

    [RecordingFact]
    public void Raritan_humidity_at_its_lower_warning_triggers_a_sensor_rule()
    {
        // The PX2 says belowLowerWarning (lower warning 15 %); the operator's rule pages below 20 %RH.
        var bench = new RuleBench(["pdu-r"], RuleBench.Rule("rack-dry", RuleType.Sensor, Metrics.HumidityPct, below: 20));

        bench.Feed(Decoded.Recording("raritan-pdu_px2-temp", "pdu-r").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal("pdu-r/sensor/1.2", e.Entity);
    }

    [RecordingFact]
    public void CyberPower_humidity_over_80_percent_triggers_a_sensor_rule_and_dew_point_is_derived()
    {
        var bench = new RuleBench(["ups-c"], RuleBench.Rule("rack-humid", RuleType.Sensor, Metrics.HumidityPct, above: 80));

        bench.Feed(Decoded.Recording("cyberpower_pr2200rt2uc", "ups-c").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal("ups-c/sensor/1", e.Entity);
        // Temperature and humidity of one poll share one time, so the engine derives the dew point (Magnus: 28.36 °C at 84.79 % ≈ 25.55 °C).
        Assert.True(bench.Engine.Store.TryGet("ups-c/sensor/1", Metrics.DewPointC, out var dew));
        Assert.True(dew.TryLast(out _, out var dewPoint));
        Assert.InRange(dewPoint, 25.4, 25.7);
    }

    [RecordingFact]
    public void Apc_door_contact_in_fault_triggers_a_contact_rule_and_the_fan_contact_does_not()
    {
        // iemStatusContactStatus.1 ("Door") = fault(2) → alarm; .2 ("Fan") = noFault(1) → normal.
        var bench = new RuleBench(["ups-a"], RuleBench.Rule("rack-contact-trouble", RuleType.Sensor, Metrics.Contact, states: ["open", "alarm"]));
        var d = Decoded.Recording("apc_smx750i", "ups-a");

        bench.Feed(d.Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal("ups-a/sensor/contact-1", e.Entity);
        Assert.Equal("normal", d.State("ups-a/sensor/contact-2", Metrics.Contact));
    }

    [RecordingFact]
    public void An_apc_contact_the_operator_disabled_is_no_reading_and_never_an_alarm()
    {
        // PowerNet-MIB iemStatusContactStatus: noFault(1), fault(2), disabled(3). The door contact set to disabled(3).
        var d = Decoded.RecordingWith("apc_smx750i", "1.3.6.1.4.1.318.1.1.10.2.3.4.1.3.1|2|3");

        Assert.False(d.Has("dev/sensor/contact-1", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/contact-2", Metrics.Contact));
    }

    [RecordingFact]
    public void Generex_on_bypass_triggers_a_ups_state_rule()
    {
        var bench = new RuleBench(["ups-g"], RuleBench.Rule("ups-not-normal", RuleType.Ups, Metrics.OutputSource, states: ["battery", "bypass"]));

        bench.Feed(Decoded.Recording("generex-ups_cs141", "ups-g").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal("ups-g", e.Entity);
    }

    [RecordingFact]
    public void Healthy_recordings_trigger_nothing_under_the_same_rules()
    {
        var bench = new RuleBench(["ups-a", "pdu-a", "pdu-s"],
            RuleBench.Rule("ups-not-normal", RuleType.Ups, Metrics.OutputSource, states: ["battery", "bypass"]),
            RuleBench.Rule("rack-humid", RuleType.Sensor, Metrics.HumidityPct, above: 80),
            RuleBench.Rule("rack-dry", RuleType.Sensor, Metrics.HumidityPct, below: 20),
            RuleBench.Rule("rack-hot", RuleType.Sensor, Metrics.TemperatureC, above: 27.5),
            RuleBench.Rule("infeed-current-high", RuleType.Infeed, Metrics.CurrentA, above: 12.8));

        bench.Feed(Decoded.Recording("apc_smx750i", "ups-a").Readings.All);
        bench.Feed(Decoded.Recording("apc_ap8853", "pdu-a").Readings.All);
        bench.Feed(Decoded.Recording("sentry4_switched8i", "pdu-s").Readings.All);

        Assert.Empty(bench.Events);
    }
}
