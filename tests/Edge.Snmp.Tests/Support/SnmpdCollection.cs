namespace Edge.Snmp.Tests.Support;

/// <summary>One snmpd for every test that talks to it; they run one after another so its counters stay predictable.</summary>
[CollectionDefinition(Name)]
public sealed class SnmpdCollection : ICollectionFixture<SnmpdFixture>
{
    public const string Name = "snmpd";
}
