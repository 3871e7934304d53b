using K8sRelay.Core.Channels;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Core.Clients;

/// <summary>
/// Recovery of missed publications on resubscribe, as Centrifugo does it. Stream mode: recovered
/// only when the epoch matches (or the client sent none) and history still holds every offset from
/// the client's offset + 1 up to the top. Cache mode: the latest publication, unless the client has it.
/// </summary>
internal static class RecoveryReader
{
    /// <summary>Returns the publications to replay (ascending), or null when the position cannot be recovered.</summary>
    public static async ValueTask<IReadOnlyList<Engines.Publication>?> RecoverAsync(
        RelayNode node, ChannelNamespace ns, string channel, SubscribeRequest request, StreamPosition top, TimeSpan metaTtl, CancellationToken cancellationToken)
    {
        if (request.Epoch.Length > 0 && request.Epoch != top.Epoch)
        {
            return null;
        }

        if (ns.Options.ForceRecoveryMode == "cache")
        {
            if (request.Offset == top.Offset || top.Offset == 0)
            {
                return [];
            }

            node.Metrics.Action(NodeActions.HistoryRecoverCache);
            node.Metrics.Action(NodeActions.History);
            var latest = await node.Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(null, 1, true), metaTtl), cancellationToken).ConfigureAwait(false);
            return latest.Publications.Count > 0 ? [latest.Publications[0]] : [];
        }

        if (request.Offset == top.Offset)
        {
            return [];
        }

        if (request.Offset > top.Offset)
        {
            return null;
        }

        var limit = node.Config.Client.RecoveryMaxPublicationLimit;
        var missed = top.Offset - request.Offset;
        if (limit > 0 && missed > (ulong)limit)
        {
            return null;
        }

        Engines.HistoryResult history;
        try
        {
            var filter = new HistoryFilter(new StreamPosition(request.Offset, top.Epoch), limit > 0 ? limit : -1, false);
            node.Metrics.Action(NodeActions.HistoryRecover);
            node.Metrics.Action(NodeActions.History);
            history = await node.Broker.HistoryAsync(channel, new HistoryOptions(filter, metaTtl), cancellationToken).ConfigureAwait(false);
        }
        catch (ProtocolErrorException ex) when (ex.Error.Code == ErrorCodes.UnrecoverablePosition)
        {
            return null;
        }

        var publications = history.Publications;
        if (history.Position.Epoch != top.Epoch || publications.Count == 0 || publications[0].Offset != request.Offset + 1)
        {
            return null;
        }

        for (var i = 1; i < publications.Count; i++)
        {
            if (publications[i].Offset != publications[i - 1].Offset + 1)
            {
                return null;
            }
        }

        // Publications newer than the top we read earlier arrive live; replay only up to the top.
        var lastOffset = publications[^1].Offset;
        if (lastOffset < top.Offset)
        {
            return null;
        }

        return lastOffset == top.Offset ? publications : [.. publications.Where(p => p.Offset <= top.Offset)];
    }
}
