namespace Edge.Core.Readings;

/// <summary>Parses entity ids of the form <c>DEVICE</c> or <c>DEVICE/KIND/INDEX</c> (INDEX may be dotted).</summary>
public static class EntityId
{
    public static string Of(string device, EntityKind kind, string index) => $"{device}/{KindName(kind)}/{index}";

    public static string KindName(EntityKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string name, out EntityKind kind)
    {
        foreach (var k in Enum.GetValues<EntityKind>())
        {
            if (k != EntityKind.Device && KindName(k) == name)
            {
                kind = k;
                return true;
            }
        }
        kind = EntityKind.Device;
        return false;
    }

    /// <summary>Splits an entity id into its device and kind; false when it has neither one nor three parts or an unknown kind.</summary>
    public static bool TryParse(string entity, out string device, out EntityKind kind)
    {
        kind = EntityKind.Device;
        var first = entity.IndexOf('/');
        if (first < 0)
        {
            device = entity;
            return entity.Length > 0;
        }
        device = entity[..first];
        var second = entity.IndexOf('/', first + 1);
        if (second < 0 || second == entity.Length - 1 || entity.IndexOf('/', second + 1) >= 0 || device.Length == 0)
            return false;
        return TryParseKind(entity[(first + 1)..second], out kind);
    }
}
