namespace K8sRelay.Core.Node;

/// <summary>What a node reports about itself in the server API <c>info</c> result.</summary>
/// <param name="Id">Node id (<c>uid</c>).</param>
/// <param name="Name">Node name.</param>
/// <param name="Version">Server version.</param>
/// <param name="NumClients">Connections on the node.</param>
/// <param name="NumUsers">Distinct users connected to the node.</param>
/// <param name="NumChannels">Channels with subscribers on the node.</param>
/// <param name="NumSubscriptions">Subscriptions across the node's connections.</param>
/// <param name="UptimeSeconds">Seconds since the node started.</param>
public sealed record NodeInfo(
    string Id,
    string Name,
    string Version,
    int NumClients,
    int NumUsers,
    int NumChannels,
    int NumSubscriptions,
    long UptimeSeconds);
