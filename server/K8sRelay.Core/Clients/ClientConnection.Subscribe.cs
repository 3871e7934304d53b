using K8sRelay.Core.Auth;
using K8sRelay.Core.Channels;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Hub;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    /// <summary>Subscribe flag bit 2: answer 112 instead of recovered:false.</summary>
    private const long RejectUnrecoveredFlag = 2;

    private async ValueTask<bool> HandleSubscribeAsync(uint id, SubscribeRequest request)
    {
        var channel = request.Channel;
        if (channel.Length == 0)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        var rules = _node.Channels;
        if (channel.Length > rules.MaxLength)
        {
            throw new ProtocolErrorException(ProtocolError.BadRequest);
        }

        lock (_gate)
        {
            if (_subscriptions.ContainsKey(channel))
            {
                throw new ProtocolErrorException(ProtocolError.AlreadySubscribed);
            }

            var limit = _node.Config.Client.ChannelLimit;
            if (limit > 0 && _subscriptions.Count >= limit)
            {
                throw new ProtocolErrorException(ProtocolError.LimitExceeded);
            }
        }

        if (!rules.TryResolve(channel, out var ns))
        {
            throw new ProtocolErrorException(ProtocolError.UnknownChannel);
        }

        if (!rules.IsValidName(channel, ns) || (request.Tf is not null && !ns.Options.AllowTagsFilter))
        {
            throw new ProtocolErrorException(ProtocolError.BadRequest);
        }

        if (request.Type != 0)
        {
            throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        }

        SubscriptionTokenClaims? token = null;
        if (request.Token.Length > 0)
        {
            token = await VerifySubscriptionTokenAsync(request.Token, channel).ConfigureAwait(false);
        }
        else if (!SubscribePermission.AllowedWithoutToken(_node, ns, channel, UserId))
        {
            throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        }

        var now = UnixNow(_node.Time);
        var expireAt = token?.ExpireAt ?? 0;
        if (expireAt > 0 && expireAt <= now)
        {
            throw new ProtocolErrorException(ProtocolError.Expired);
        }

        var flags = SubscriptionFlagsResolver.Resolve(ns, token?.Override, request, serverSide: false);
        var outcome = await SubscribeCoreAsync(channel, ns, request, flags, token?.Info, token?.Data, expireAt).ConfigureAwait(false);
        var encoding = (flags & SubscriptionFlags.Delta) != 0 ? ReplyEncodingFlags.PublicationDataAsJsonString : ReplyEncodingFlags.None;
        SendReply(new Reply { Id = id, Subscribe = outcome.Result }, encoding);
        outcome.Live.Start();
        if (expireAt > 0)
        {
            _node.Timers.Schedule(this, TimerKind.SubscriptionExpiry, TimeSpan.FromSeconds(expireAt - now) + _node.Config.Client.ExpiredSubCloseDelay);
        }

        return true;
    }

    private async ValueTask<SubscriptionTokenClaims> VerifySubscriptionTokenAsync(string token, string channel)
    {
        SubscriptionTokenClaims claims;
        try
        {
            claims = await _node.TokenVerifier.VerifySubscriptionTokenAsync(token, _closing.Token).ConfigureAwait(false);
        }
        catch (TokenExpiredException)
        {
            throw new ProtocolErrorException(ProtocolError.TokenExpired);
        }
        catch (InvalidTokenException ex)
        {
            Log.SubscribeRejected(_logger, ClientId, channel, ex.Message);
            throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        }

        if (claims.Channel != channel || claims.UserId != UserId || (claims.Client.Length > 0 && claims.Client != ClientId))
        {
            throw new DisconnectException(DisconnectReason.InvalidToken);
        }

        return claims;
    }

    /// <summary>
    /// Registers a subscription (not yet live), reads the stream position and recovers missed
    /// publications when asked, joins presence and announces the join. The caller queues the reply
    /// and then starts live delivery, so the reply always precedes live publications.
    /// </summary>
    private async ValueTask<SubscribeOutcome> SubscribeCoreAsync(
        string channel, ChannelNamespace ns, SubscribeRequest request, SubscriptionFlags flags, byte[]? chanInfo, byte[]? data, long expireAt)
    {
        var subscription = new ChannelSubscription(this, channel, flags) { ChanInfo = chanInfo, ExpireAt = expireAt };
        lock (_gate)
        {
            if (_state == ConnectionState.Closed)
            {
                throw new DisconnectException(DisconnectReason.ConnectionClosed);
            }

            if (!_subscriptions.TryAdd(channel, null))
            {
                throw new ProtocolErrorException(ProtocolError.AlreadySubscribed);
            }
        }

        var registered = false;
        try
        {
            if (!await _node.AddSubscriberAsync(channel, subscription, _closing.Token).ConfigureAwait(false))
            {
                throw new ProtocolErrorException(ProtocolError.AlreadySubscribed);
            }

            registered = true;
            _node.Metrics.SubscriptionAdded(_metricLabels);
            var result = new SubscribeResult();
            var live = new PendingLive(subscription, 0, string.Empty, false);
            if ((flags & SubscriptionFlags.Positioned) != 0)
            {
                live = await PositionAsync(subscription, ns, request, result).ConfigureAwait(false);
            }

            if (expireAt > 0)
            {
                result.Expires = true;
                result.Ttl = (uint)Math.Max(0, expireAt - UnixNow(_node.Time));
            }

            if (data is not null)
            {
                result.Data = Google.Protobuf.UnsafeByteOperations.UnsafeWrap(data);
            }

            if ((flags & SubscriptionFlags.Delta) != 0)
            {
                result.Delta = true;
            }

            lock (_gate)
            {
                _subscriptions[channel] = subscription;
            }

            var info = new Engines.ClientInfo(UserId, ClientId, ConnInfo, chanInfo);
            if ((flags & SubscriptionFlags.Presence) != 0)
            {
                _node.Metrics.Action(NodeActions.AddPresence);
                await _node.Presence.AddPresenceAsync(channel, ClientId, info, _closing.Token).ConfigureAwait(false);
            }

            if ((flags & SubscriptionFlags.EmitJoinLeave) != 0)
            {
                _node.Metrics.MessageSent("join");
                await _node.Broker.PublishJoinAsync(channel, info, _closing.Token).ConfigureAwait(false);
            }

            return new SubscribeOutcome(result, live);
        }
        catch
        {
            lock (_gate)
            {
                _subscriptions.Remove(channel);
            }

            if (registered)
            {
                await _node.RemoveSubscriberAsync(channel, ClientId).ConfigureAwait(false);
                _node.Metrics.SubscriptionRemoved(_metricLabels);
            }

            throw;
        }
    }

    /// <summary>Fills the position fields of the reply, recovering missed publications when asked.</summary>
    private async ValueTask<PendingLive> PositionAsync(ChannelSubscription subscription, ChannelNamespace ns, SubscribeRequest request, SubscribeResult result)
    {
        var channel = subscription.Channel;
        var metaTtl = ns.Options.HistoryMetaTtl > TimeSpan.Zero ? ns.Options.HistoryMetaTtl : _node.Config.Channel.HistoryMetaTtl;
        _node.Metrics.Action(NodeActions.HistoryStreamTop);
        _node.Metrics.Action(NodeActions.History);
        var top = (await _node.Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(null, 0, false), metaTtl), _closing.Token).ConfigureAwait(false)).Position;
        result.Positioned = true;
        result.Epoch = top.Epoch;
        result.Offset = top.Offset;
        var recoverable = (subscription.Flags & SubscriptionFlags.Recoverable) != 0;
        result.Recoverable = recoverable;
        if (!recoverable || !request.Recover)
        {
            return new PendingLive(subscription, top.Offset, top.Epoch, false);
        }

        result.WasRecovering = true;
        var recovered = await RecoveryReader.RecoverAsync(_node, ns, channel, request, top, metaTtl, _closing.Token).ConfigureAwait(false);
        _node.Metrics.Recovery(recovered is not null, recovered is { Count: > 0 });
        if (recovered is null)
        {
            if ((request.Flag & RejectUnrecoveredFlag) != 0)
            {
                throw new ProtocolErrorException(ProtocolError.UnrecoverablePosition);
            }

            return new PendingLive(subscription, top.Offset, top.Epoch, false);
        }

        result.Recovered = true;
        foreach (var publication in recovered)
        {
            result.Publications.Add(PublicationMapper.ToMessage(publication));
        }

        // The client advances from its own offset while it processes the recovered publications.
        result.Offset = recovered.Count > 0 ? request.Offset : top.Offset;
        return new PendingLive(subscription, top.Offset, top.Epoch, recovered.Count > 0);
    }
}
