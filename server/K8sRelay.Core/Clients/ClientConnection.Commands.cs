using K8sRelay.Core.Channels;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Hub;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    private async ValueTask<bool> HandleUnsubscribeAsync(uint id, UnsubscribeRequest request)
    {
        if (request.Channel.Length == 0)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        var subscription = RemoveSubscription(request.Channel);
        if (subscription is not null)
        {
            await CleanupSubscriptionAsync(subscription).ConfigureAwait(false);
        }

        SendReply(new Reply { Id = id, Unsubscribe = new UnsubscribeResult() });
        return true;
    }

    private async ValueTask<bool> HandlePublishAsync(uint id, PublishRequest request)
    {
        var channel = request.Channel;
        if (channel.Length == 0 || request.Data.IsEmpty)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        var ns = ResolveForCommand(channel);
        var subscription = FindSubscription(channel);
        var options = ns.Options;
        var userOk = UserId.Length > 0 || options.AllowPublishForAnonymous;
        var allowed = (options.AllowPublishForClient && userOk)
            || (options.AllowPublishForSubscriber && subscription is not null && userOk)
            || _node.Config.Client.Insecure;
        if (!allowed)
        {
            throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        }

        var data = request.Data.ToByteArray();
        var format = options.PublicationDataFormat.Length > 0 ? options.PublicationDataFormat : _node.Config.Channel.PublicationDataFormat;
        if (!PublicationDataFormat.IsValid(format, data))
        {
            throw new ProtocolErrorException(ProtocolError.BadRequest);
        }

        var info = new Engines.ClientInfo(UserId, ClientId, ConnInfo, subscription?.ChanInfo);
        await _node.PublishAsync(channel, ns, data, new PublishRequestOptions { ClientInfo = info }, _closing.Token).ConfigureAwait(false);
        SendReply(new Reply { Id = id, Publish = new K8sRelay.Protocol.Messages.PublishResult() });
        return true;
    }

    private async ValueTask<bool> HandlePresenceAsync(uint id, PresenceRequest request)
    {
        var channel = request.Channel;
        CheckPresenceAllowed(channel);
        _node.Metrics.Action(NodeActions.Presence);
        var presence = await _node.Presence.PresenceAsync(channel, _closing.Token).ConfigureAwait(false);
        var result = new PresenceResult();
        foreach (var (clientId, info) in presence)
        {
            result.Presence[clientId] = PublicationMapper.ToMessage(info);
        }

        SendReply(new Reply { Id = id, Presence = result });
        return true;
    }

    private async ValueTask<bool> HandlePresenceStatsAsync(uint id, PresenceStatsRequest request)
    {
        CheckPresenceAllowed(request.Channel);
        _node.Metrics.Action(NodeActions.PresenceStats);
        var stats = await _node.Presence.PresenceStatsAsync(request.Channel, _closing.Token).ConfigureAwait(false);
        SendReply(new Reply
        {
            Id = id,
            PresenceStats = new PresenceStatsResult { NumClients = (uint)stats.NumClients, NumUsers = (uint)stats.NumUsers },
        });
        return true;
    }

    private async ValueTask<bool> HandleHistoryAsync(uint id, HistoryRequest request)
    {
        var channel = request.Channel;
        if (channel.Length == 0)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        var ns = ResolveForCommand(channel);
        if (!ns.HasHistory)
        {
            throw new ProtocolErrorException(ProtocolError.NotAvailable);
        }

        var options = ns.Options;
        if (!IsReadAllowed(channel, options.AllowHistoryForClient, options.AllowHistoryForSubscriber, options.AllowHistoryForAnonymous))
        {
            throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        }

        var max = _node.Config.Client.HistoryMaxPublicationLimit;
        var limit = request.Limit;
        if (max > 0 && (limit < 0 || limit > max))
        {
            limit = max;
        }

        StreamPosition? since = request.Since is { } s ? new StreamPosition(s.Offset, s.Epoch) : null;
        var metaTtl = options.HistoryMetaTtl > TimeSpan.Zero ? options.HistoryMetaTtl : _node.Config.Channel.HistoryMetaTtl;
        _node.Metrics.Action(NodeActions.History);
        var history = await _node.Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(since, limit, request.Reverse), metaTtl), _closing.Token).ConfigureAwait(false);
        var result = new K8sRelay.Protocol.Messages.HistoryResult { Epoch = history.Position.Epoch, Offset = history.Position.Offset };
        foreach (var publication in history.Publications)
        {
            result.Publications.Add(PublicationMapper.ToMessage(publication));
        }

        SendReply(new Reply { Id = id, History = result });
        return true;
    }

    private ValueTask<bool> HandleRpcAsync(uint id, RPCRequest request)
    {
        var ping = _node.Config.Rpc.Ping;
        if (ping.Enabled && request.Method == ping.Method)
        {
            SendReply(new Reply { Id = id, Rpc = new RPCResult() });
            return ValueTask.FromResult(true);
        }

        // Without an RPC proxy the server has no RPC handler.
        throw new ProtocolErrorException(ProtocolError.NotAvailable);
    }

    private void CheckPresenceAllowed(string channel)
    {
        if (channel.Length == 0)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        var ns = ResolveForCommand(channel);
        if (!ns.Options.Presence)
        {
            throw new ProtocolErrorException(ProtocolError.NotAvailable);
        }

        var options = ns.Options;
        if (!IsReadAllowed(channel, options.AllowPresenceForClient, options.AllowPresenceForSubscriber, options.AllowPresenceForAnonymous))
        {
            throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        }
    }

    private bool IsReadAllowed(string channel, bool forClient, bool forSubscriber, bool forAnonymous)
    {
        var userOk = UserId.Length > 0 || forAnonymous;
        return (forClient && userOk)
            || (forSubscriber && FindSubscription(channel) is not null && userOk)
            || _node.Config.Client.Insecure;
    }

    private ChannelNamespace ResolveForCommand(string channel)
    {
        if (channel.Length > _node.Channels.MaxLength)
        {
            throw new ProtocolErrorException(ProtocolError.BadRequest);
        }

        return _node.Channels.TryResolve(channel, out var ns) ? ns : throw new ProtocolErrorException(ProtocolError.UnknownChannel);
    }
}
