namespace Edge.Inventory.Emulator;

/// <summary>What the emulator does wrong on demand.</summary>
public enum Device42Fault
{
    None,

    /// <summary>401, as for a wrong password.</summary>
    Unauthorized,

    /// <summary>500 with an HTML body, as a crashed appliance answers.</summary>
    ServerError,

    /// <summary>500 <c>{"msg": "License expired ..."}</c>, as Device42 answers every call once its licence runs out.</summary>
    LicenseExpired,

    /// <summary>200 with JSON cut off in the middle.</summary>
    MalformedJson,

    /// <summary>Accepts the request and answers only when released (or never): a slow appliance.</summary>
    Slow,
}
