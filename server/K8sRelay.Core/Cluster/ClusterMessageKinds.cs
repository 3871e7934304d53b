namespace K8sRelay.Core.Cluster;

/// <summary>The kinds of <see cref="ClusterMessage"/>.</summary>
internal static class ClusterMessageKinds
{
    /// <summary>Periodic heartbeat with the sender's <c>info</c> entry.</summary>
    public const string NodeInfo = "node";

    /// <summary>The sender is shutting down: forget it now instead of waiting for its heartbeats to stop.</summary>
    public const string Leave = "leave";

    /// <summary>A server API command (disconnect, unsubscribe, subscribe, refresh) for the receiver's connections.</summary>
    public const string Command = "command";

    /// <summary>Asks every node for its channels; answered with <see cref="ChannelsReply"/> to the sender.</summary>
    public const string ChannelsSurvey = "channels";

    /// <summary>A node's answer to <see cref="ChannelsSurvey"/>.</summary>
    public const string ChannelsReply = "channels_reply";

    /// <summary>An emulation request (<c>POST /emulation</c>) that arrived at another node than the one holding the session.</summary>
    public const string Emulation = "emulation";
}
