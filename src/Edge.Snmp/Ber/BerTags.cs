namespace Edge.Snmp.Ber;

/// <summary>The universal tags the SNMP message structure uses (X.690 §8).</summary>
internal static class BerTags
{
    public const byte Integer = 0x02;
    public const byte OctetString = 0x04;
    public const byte Null = 0x05;
    public const byte ObjectIdentifier = 0x06;
    public const byte Sequence = 0x30;
}
