namespace K8sRelay.Core.Engines;

/// <summary>
/// Optional companion of <see cref="IBrokerEventHandler"/>: a node whose event handler also implements this
/// interface learns when a broker that spans nodes (Redis) lost its delivery path and when it got it back.
/// Publications made into a channel while its delivery path was down never reach this node, so on
/// <see cref="HandleDeliveryRestoredAsync"/> the node should treat every positioned or recoverable
/// subscription of the listed channels like Centrifugo's "insufficient state" (client-side subscriptions get
/// unsubscribe 2500 and recover from history; server-side ones are disconnected with 3010).
/// Brokers call these methods from their own background work, one call at a time per broker, never while
/// holding a channel lock. The memory broker never calls them.
/// </summary>
public interface IBrokerConnectivityHandler
{
    /// <summary>
    /// Delivery for <paramref name="channels"/> stopped (the connection to the broker was lost).
    /// Publish, history and presence calls fail with a temporary error until it comes back.
    /// </summary>
    /// <param name="channels">Channels this node was subscribed to whose delivery is interrupted.</param>
    ValueTask HandleDeliveryLostAsync(IReadOnlyCollection<string> channels);

    /// <summary>
    /// Delivery for <paramref name="channels"/> works again (the broker resubscribed them). Publications
    /// made between the loss and now may have been missed.
    /// </summary>
    /// <param name="channels">Channels resubscribed after the interruption.</param>
    ValueTask HandleDeliveryRestoredAsync(IReadOnlyCollection<string> channels);
}
