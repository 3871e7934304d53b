using K8sRelay.Core.Auth;
using K8sRelay.Core.Engines;
using K8sRelay.Protocol;

namespace K8sRelay.Core.Node;

/// <summary>
/// A server API command aimed at the connections of one user, optionally narrowed to one client or
/// session. Every node applies it to its own matching connections, so the record is plain data
/// that a cluster relay can serialize and replay on other nodes (see <see cref="IServerCommandRelay"/>).
/// </summary>
public sealed record UserCommand
{
    /// <summary>What to do.</summary>
    public required UserCommandKind Kind { get; init; }

    /// <summary>The user whose connections are targeted; never empty.</summary>
    public required string User { get; init; }

    /// <summary>Only the connection with this client id; empty = every connection of the user.</summary>
    public string Client { get; init; } = "";

    /// <summary>Only the connection with this session id; empty = any session.</summary>
    public string Session { get; init; } = "";

    /// <summary>The channel (subscribe and unsubscribe).</summary>
    public string Channel { get; init; } = "";

    /// <summary>Subscribe: channel info attached to the subscription (presence, join/leave), or null.</summary>
    public byte[]? ChannelInfo { get; init; }

    /// <summary>Subscribe: data sent to the client in the <c>subscribe</c> push, or null.</summary>
    public byte[]? Data { get; init; }

    /// <summary>Subscribe: recover publications after this position, or null.</summary>
    public StreamPosition? RecoverSince { get; init; }

    /// <summary>Subscribe: namespace options replaced for this subscription, or null.</summary>
    public SubscriptionOverride? Override { get; init; }

    /// <summary>Subscribe and refresh: Unix seconds when the subscription or connection expires; 0 = never.</summary>
    public long ExpireAt { get; init; }

    /// <summary>Disconnect: the code and reason sent to the clients; null = <see cref="DisconnectReason.ForceNoReconnect"/>.</summary>
    public DisconnectReason? DisconnectReason { get; init; }

    /// <summary>Disconnect: client ids that stay connected.</summary>
    public IReadOnlyList<string> Whitelist { get; init; } = [];

    /// <summary>Refresh: expire the connections now (they are closed with 3005).</summary>
    public bool Expired { get; init; }

    /// <summary>Refresh: new connection info, or null to keep it.</summary>
    public byte[]? ConnectionInfo { get; init; }
}
