namespace K8sRelay.Core.Engines;

/// <summary>Receives what a broker delivers for channels this node subscribed to. Implemented by the node.</summary>
public interface IBrokerEventHandler
{
    /// <summary>A publication arrived for <paramref name="channel"/>.</summary>
    /// <param name="channel">Channel name.</param>
    /// <param name="publication">The publication (with its offset when the channel has history).</param>
    /// <param name="position">Stream position after this publication (epoch is empty without history).</param>
    /// <param name="useDelta">The publisher asked for delta compression.</param>
    /// <param name="previous">The previous publication of the stream when <paramref name="useDelta"/> is set and known, else null.</param>
    ValueTask HandlePublicationAsync(string channel, Publication publication, StreamPosition position, bool useDelta, Publication? previous);

    /// <summary>Someone subscribed to <paramref name="channel"/> (join event).</summary>
    ValueTask HandleJoinAsync(string channel, ClientInfo info);

    /// <summary>Someone unsubscribed from <paramref name="channel"/> (leave event).</summary>
    ValueTask HandleLeaveAsync(string channel, ClientInfo info);
}
