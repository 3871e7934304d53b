namespace K8sRelay.Core.Engines;

/// <summary>Who a connection is: used in presence, join/leave and client-side publications.</summary>
/// <param name="User">User id; empty for anonymous users.</param>
/// <param name="Client">Client (connection) id.</param>
/// <param name="ConnInfo">Connection info as raw bytes (JSON on JSON connections), or null.</param>
/// <param name="ChanInfo">Channel info as raw bytes, or null.</param>
public sealed record ClientInfo(string User, string Client, byte[]? ConnInfo = null, byte[]? ChanInfo = null);
