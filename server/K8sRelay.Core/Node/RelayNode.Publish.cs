using K8sRelay.Core.Channels;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Hub;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    /// <summary>
    /// Publishes into a channel with the history and delta settings of its namespace.
    /// Used by the server API and by client publishes (after permission checks).
    /// </summary>
    public ValueTask<PublishResult> PublishAsync(
        string channel,
        ChannelNamespace channelNamespace,
        byte[] data,
        PublishRequestOptions request,
        CancellationToken cancellationToken)
    {
        var options = channelNamespace.Options;
        var metaTtl = options.HistoryMetaTtl > TimeSpan.Zero ? options.HistoryMetaTtl : Config.Channel.HistoryMetaTtl;
        var publishOptions = new PublishOptions
        {
            HistorySize = options.HistorySize,
            HistoryTtl = options.HistoryTtl,
            HistoryMetaTtl = metaTtl,
            ClientInfo = request.ClientInfo,
            Tags = request.Tags,
            IdempotencyKey = request.IdempotencyKey,
            UseDelta = request.Delta || options.DeltaPublish,
            SkipHistory = request.SkipHistory,
        };
        Metrics.MessageSent("publication");
        return Broker.PublishAsync(channel, data, publishOptions, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask HandlePublicationAsync(string channel, Publication publication, StreamPosition position, bool useDelta, Publication? previous)
    {
        Metrics.MessageReceived("publication");
        Hub.BroadcastPublication(channel, new PreparedPublication(channel, publication, position, useDelta, previous));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask HandleJoinAsync(string channel, ClientInfo info)
    {
        Metrics.MessageReceived("join");
        Hub.BroadcastJoinLeave(channel, new PreparedJoinLeave(channel, info, isJoin: true));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask HandleLeaveAsync(string channel, ClientInfo info)
    {
        Metrics.MessageReceived("leave");
        Hub.BroadcastJoinLeave(channel, new PreparedJoinLeave(channel, info, isJoin: false));
        return ValueTask.CompletedTask;
    }
}
