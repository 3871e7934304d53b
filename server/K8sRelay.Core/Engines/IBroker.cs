namespace K8sRelay.Core.Engines;

/// <summary>
/// Delivers publications and join/leave events between nodes and keeps channel history streams.
/// The memory broker works inside one process; the Redis broker spans nodes. Thread-safe.
/// </summary>
public interface IBroker
{
    /// <summary>Sets the receiver of delivered events. Called once, before any subscribe.</summary>
    void RegisterEventHandler(IBrokerEventHandler handler);

    /// <summary>Starts delivering events of <paramref name="channel"/> to this node (called when the first local subscriber arrives).</summary>
    ValueTask SubscribeAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Stops delivering events of <paramref name="channel"/> to this node (called when the last local subscriber leaves).</summary>
    ValueTask UnsubscribeAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Publishes data into a channel, adding it to history when the options ask for it.</summary>
    ValueTask<PublishResult> PublishAsync(string channel, byte[] data, PublishOptions options, CancellationToken cancellationToken);

    /// <summary>Publishes a join event.</summary>
    ValueTask PublishJoinAsync(string channel, ClientInfo info, CancellationToken cancellationToken);

    /// <summary>Publishes a leave event.</summary>
    ValueTask PublishLeaveAsync(string channel, ClientInfo info, CancellationToken cancellationToken);

    /// <summary>
    /// Reads history. When <see cref="HistoryFilter.Since"/> carries an epoch that differs from the
    /// stream's current epoch, throws <see cref="K8sRelay.Protocol.ProtocolErrorException"/> with 112
    /// (unrecoverable position).
    /// </summary>
    ValueTask<HistoryResult> HistoryAsync(string channel, HistoryOptions options, CancellationToken cancellationToken);

    /// <summary>Removes the channel's history publications (the stream position is kept).</summary>
    ValueTask RemoveHistoryAsync(string channel, CancellationToken cancellationToken);
}
