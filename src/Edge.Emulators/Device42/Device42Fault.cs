namespace Edge.Emulators.Device42;

/// <summary>What the emulator does wrong on demand.</summary>
public enum Device42Fault
{
    None,

    /// <summary>401, as for a wrong password.</summary>
    Unauthorized,

    /// <summary>500 with an HTML body, as a crashed appliance answers.</summary>
    ServerError,

    /// <summary>500 <c>{"msg": "License expired ..."}</c>, as Device42 answers every call once its licence runs out (pydevice42 d42client.py).</summary>
    LicenseExpired,

    /// <summary>500 <c>{"msg": "License is not valid for ..."}</c>, as Device42 answers a call its licence does not cover (pydevice42 d42client.py).</summary>
    LicenseNotValid,

    /// <summary>200 with the listing's envelope (and total_count, where it has one) but no objects: a listing cut short in silence.</summary>
    EmptyPage,

    /// <summary>Closes the connection without an answer: an appliance that stops answering part-way through a listing.</summary>
    NoAnswer,

    /// <summary>200 with JSON cut off in the middle.</summary>
    MalformedJson,

    /// <summary>Accepts the request and answers only when released (or never): a slow appliance.</summary>
    Slow,
}
