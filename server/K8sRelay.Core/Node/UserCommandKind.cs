namespace K8sRelay.Core.Node;

/// <summary>What a <see cref="UserCommand"/> does to the matching connections.</summary>
public enum UserCommandKind
{
    /// <summary>Subscribe the connections to a channel on the server's side (server API <c>subscribe</c>).</summary>
    Subscribe,

    /// <summary>Unsubscribe the connections from a channel (server API <c>unsubscribe</c>).</summary>
    Unsubscribe,

    /// <summary>Close the connections (server API <c>disconnect</c>).</summary>
    Disconnect,

    /// <summary>Change the connections' expiry and info, or expire them (server API <c>refresh</c>).</summary>
    Refresh,
}
