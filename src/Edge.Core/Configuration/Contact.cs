namespace Edge.Core.Configuration;

/// <summary>The appliance's owner, from <c>appliance.contact</c>.</summary>
public sealed record Contact(string? Name, string? Email);
